using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Azure.Identity;
using FluentValidation;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// The worker's real sign-in code (Azure.Identity and MSAL.NET, built by MailboxClientFactory) against a
/// stand-in Entra on https loopback. Each test asks the Graph authentication provider the worker builds
/// for the header of a Graph request, so the scopes, CAE setting and credential are the worker's own.
/// What this proves: the protocol wiring, the persisted token cache and the saved account. What it
/// cannot: a real tenant's consent, conditional access or MFA.
/// </summary>
public sealed partial class StandInEntraSignInTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task First_start_shows_the_sign_in_code_waits_for_the_user_and_remembers_the_account_without_any_token()
    {
        await using var entra = await StandInEntra.StartAsync();
        using var person = new OnePerson(entra);
        var prompt = new PromptWriter();
        var graph = person.Start(prompt);

        var header = graph.AuthorizeAsync();
        var instruction = await prompt.FirstLine.WaitAsync(Patience);
        var userCode = SignInCode().Match(instruction).Groups[1].Value;
        await entra.WaitForAsync(r => r.Error == "authorization_pending", Patience);
        var waitedForTheUser = !header.IsCompleted && !File.Exists(person.RecordPath);
        Assert.True(entra.SignIn(userCode));
        var authorization = await header.WaitAsync(Patience);

        Assert.StartsWith($"To sign in, use a web browser to open the page {entra.AuthorityHost}devicelogin and enter the code ", instruction, StringComparison.Ordinal);
        Assert.True(waitedForTheUser, "the token arrived (or the account was saved) before the user signed in");
        var redeemed = Assert.Single(entra.TokenRequests("device_code"), r => r.Status == 200);
        Assert.Equal($"Bearer {redeemed.IssuedAccessToken}", authorization);
        // The worker asked for its least-privilege delegated scopes, and MSAL for a refresh token and client_info.
        var asked = Assert.Single(entra.DeviceCodeRequests).Form["scope"].Split(' ');
        Assert.Subset(asked.ToHashSet(), MailboxOptions.DelegatedScopes.ToHashSet());
        Assert.DoesNotContain(asked, s => s.Contains("Send", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("1", redeemed.Form["client_info"]);
        var record = await File.ReadAllTextAsync(person.RecordPath);
        Assert.Contains(StandInEntra.UserName, record, StringComparison.Ordinal);
        Assert.All(entra.IssuedSecrets, secret => Assert.DoesNotContain(secret, record, StringComparison.Ordinal));
        Assert.DoesNotContain(entra.Requests, r => r.Error == "not_served");
    }

    [Fact]
    public async Task Next_start_uses_the_persisted_token_without_asking_anyone_to_sign_in()
    {
        await using var entra = await StandInEntra.StartAsync();
        using var person = new OnePerson(entra);
        var firstToken = await person.SignInOnceAsync();
        var requestsBefore = entra.Requests.Count;

        var prompt = new PromptWriter();
        var authorization = await person.Start(prompt).AuthorizeAsync().WaitAsync(Patience);

        Assert.Equal($"Bearer {firstToken}", authorization);
        Assert.Equal(requestsBefore, entra.Requests.Count);
        Assert.Empty(prompt.Lines);
        Assert.Single(entra.DeviceCodeRequests);
        Assert.NotEmpty(person.CacheFiles());
    }

    [Fact]
    public async Task The_saved_account_and_the_token_cache_are_readable_only_by_the_user()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var entra = await StandInEntra.StartAsync();
        using var person = new OnePerson(entra);
        await person.SignInOnceAsync();

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(person.RecordPath));
        // MSAL keeps the cache outside the data folder (Azure.Identity fixes its place) and writes it 0600 itself.
        Assert.NotEmpty(person.CacheFiles());
        foreach (var file in person.CacheFiles())
        {
            Assert.Equal(ownerOnly, File.GetUnixFileMode(file));
        }
    }

    [Theory]
    [InlineData("{\"username\":\"sam@contoso.example\",\"authority\":\"login.micro")]
    [InlineData("{}")]
    [InlineData("")]
    public async Task A_damaged_saved_account_means_signing_in_again_with_a_new_code_not_a_worker_that_cannot_start(string damaged)
    {
        await using var entra = await StandInEntra.StartAsync();
        using var person = new OnePerson(entra);
        await File.WriteAllTextAsync(person.RecordPath, damaged);
        var prompt = new PromptWriter();

        var header = person.Start(prompt).AuthorizeAsync();
        var userCode = SignInCode().Match(await prompt.FirstLine.WaitAsync(Patience)).Groups[1].Value;
        Assert.True(entra.SignIn(userCode));
        var authorization = await header.WaitAsync(Patience);

        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        Assert.Contains(StandInEntra.UserName, await File.ReadAllTextAsync(person.RecordPath), StringComparison.Ordinal);
        Assert.False(File.Exists(person.RecordPath + ".partial"));
    }

    [Fact]
    public async Task Next_start_after_the_access_token_expired_refreshes_silently_with_the_persisted_refresh_token()
    {
        await using var entra = await StandInEntra.StartAsync();
        // MSAL treats a token within five minutes of expiry as expired, so every start has to refresh.
        entra.AccessTokenLifetime = TimeSpan.FromMinutes(2);
        using var person = new OnePerson(entra);
        await person.SignInOnceAsync();
        var refreshTokensKnownBefore = entra.Requests.Select(r => r.IssuedRefreshToken).OfType<string>().ToHashSet();
        var refreshesBefore = entra.TokenRequests("refresh_token").Count;

        var prompt = new PromptWriter();
        var authorization = await person.Start(prompt).AuthorizeAsync().WaitAsync(Patience);

        var refresh = entra.TokenRequests("refresh_token").Skip(refreshesBefore).Single();
        Assert.Equal(200, refresh.Status);
        Assert.Contains(refresh.Form["refresh_token"], refreshTokensKnownBefore);
        Assert.Equal($"Bearer {refresh.IssuedAccessToken}", authorization);
        Assert.Single(entra.DeviceCodeRequests);
        Assert.Empty(prompt.Lines);
    }

    [Fact]
    public async Task The_app_signs_in_with_its_certificate_for_graphs_default_scope()
    {
        await using var entra = await StandInEntra.StartAsync();
        using var app = new AppCertificate();
        entra.RegisteredCertificate = app.PublicCertificate;

        var authorization = await AuthorizeAsync(entra, app.Settings(entra)).WaitAsync(Patience);

        var request = Assert.Single(entra.TokenRequests("client_credentials"));
        // The stand-in answers 200 only to an assertion that verifies against the registered certificate.
        Assert.Equal(200, request.Status);
        Assert.Equal("https://graph.microsoft.com/.default", request.Form["scope"]);
        Assert.Equal(StandInEntra.ClientId, request.Form["client_id"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request.Form["client_assertion_type"]);
        Assert.False(request.Form.ContainsKey("client_secret"));
        Assert.Equal($"Bearer {request.IssuedAccessToken}", authorization);
    }

    [Fact]
    public async Task A_certificate_the_app_registration_does_not_know_is_refused_and_the_error_names_no_secret()
    {
        await using var entra = await StandInEntra.StartAsync();
        using var app = new AppCertificate();
        using var registered = new AppCertificate();
        entra.RegisteredCertificate = registered.PublicCertificate;

        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => AuthorizeAsync(entra, app.Settings(entra)).WaitAsync(Patience));

        var refused = Assert.Single(entra.TokenRequests("client_credentials"));
        Assert.Equal(401, refused.Status);
        Assert.Equal("invalid_client", refused.Error);
        // Enough to act on: Entra's code for "this certificate is not on the app registration" (in MSAL's inner exception).
        var surfaced = ex.ToString();
        Assert.Contains("AADSTS700027", surfaced, StringComparison.Ordinal);
        Assert.DoesNotContain(AppCertificate.Password, surfaced, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Form["client_assertion"], surfaced, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Form["client_assertion"].Split('.')[2], surfaced, StringComparison.Ordinal);
        var failure = GraphFailures.Map(ex, DateTimeOffset.UtcNow);
        Assert.Equal(GraphOutcome.ReconnectNeeded, failure.Outcome);
        // Entra's own reason, which names no person and no secret, is what the log and the Health view show.
        Assert.Equal("AADSTS700027", failure.Code);
    }

    [Fact]
    public async Task The_stand_in_refuses_an_assertion_that_names_the_registered_certificate_but_is_signed_by_another_key()
    {
        // Guards the two certificate tests above: a stand-in that only compared thumbprints would prove nothing.
        await using var entra = await StandInEntra.StartAsync();
        using var registered = new AppCertificate();
        entra.RegisteredCertificate = registered.PublicCertificate;
        using var otherKey = RSA.Create(2048);
        var header = Base64Url($$"""{"alg":"PS256","typ":"JWT","x5t#S256":"{{Base64Url(registered.PublicCertificate.GetCertHash(HashAlgorithmName.SHA256))}}"}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64Url($$"""{"aud":"{{entra.TokenEndpoint}}","iss":"{{StandInEntra.ClientId}}","sub":"{{StandInEntra.ClientId}}","nbf":{{now}},"exp":{{now + 600}},"jti":"{{Guid.NewGuid()}}"}""");
        var signature = otherKey.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using var http = new HttpClient(entra.PinnedHandler());

        using var response = await http.PostAsync(new Uri(entra.TokenEndpoint), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = StandInEntra.ClientId,
            ["scope"] = "https://graph.microsoft.com/.default",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = $"{header}.{payload}.{Base64Url(signature)}",
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("failed signature validation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>What the worker's Graph client does before each call: ask its authentication provider for the header.</summary>
    private static Task<string> AuthorizeAsync(StandInEntra entra, MailboxOptions settings) =>
        new GraphSignIn(MailboxClientFactory.CreateAuthentication(settings, new StoreOptions(), RealGraph(), TextWriter.Null, entra.Trust)).AuthorizeAsync();

    private static MailboxEndpoint RealGraph()
    {
        var endpoint = new MailboxEndpoint();
        endpoint.Set(new Uri("https://graph.microsoft.com/v1.0"));
        return endpoint;
    }

    private static string Base64Url(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"enter the code (\w+) to authenticate")]
    private static partial Regex SignInCode();

    private sealed class GraphSignIn(IAuthenticationProvider provider)
    {
        public async Task<string> AuthorizeAsync()
        {
            var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri("https://graph.microsoft.com/v1.0/me") };
            await provider.AuthenticateRequestAsync(request);
            return request.Headers.TryGetValue("Authorization", out var values) ? values.Single() : "(no Authorization header)";
        }
    }

    /// <summary>One person's worker: delegated settings, a data folder, and a token cache of its own, all removed afterwards.</summary>
    private sealed class OnePerson : IDisposable
    {
        private readonly StandInEntra _entra;
        private readonly StoreOptions _store = new() { DataFolder = Directory.CreateTempSubdirectory("ofu-signin-").FullName };
        private readonly MailboxOptions _settings;

        public OnePerson(StandInEntra entra)
        {
            _entra = entra;
            _settings = new MailboxOptions
            {
                Mode = MailboxMode.Delegated,
                TenantId = StandInEntra.TenantId,
                ClientId = StandInEntra.ClientId,
                AuthorityHost = entra.AuthorityHost.ToString(),
                TokenCacheName = $"ofu-test-{Guid.NewGuid():N}",
                // No keyring on a build machine: the cache is a file only this user can read.
                AllowUnencryptedTokenCache = true,
            };
            new MailboxOptionsValidator().ValidateAndThrow(_settings);
        }

        public string RecordPath => Path.Combine(_store.DataFolder, "auth-record.json");

        /// <summary>A worker start: a new credential from the same settings and data folder.</summary>
        public GraphSignIn Start(TextWriter prompt) =>
            new(MailboxClientFactory.CreateAuthentication(_settings, _store, RealGraph(), prompt, _entra.Trust));

        /// <summary>The first start, with the user signing in at once; returns the access token the worker got.</summary>
        public async Task<string> SignInOnceAsync()
        {
            var prompt = new PromptWriter();
            var header = Start(prompt).AuthorizeAsync();
            var userCode = SignInCode().Match(await prompt.FirstLine.WaitAsync(Patience)).Groups[1].Value;
            Assert.True(_entra.SignIn(userCode));
            var authorization = await header.WaitAsync(Patience);
            Assert.True(File.Exists(RecordPath));
            return authorization["Bearer ".Length..];
        }

        /// <summary>
        /// Azure.Identity keeps a named persistent cache in {LocalApplicationData}/.IdentityService
        /// (~/.local/share/.IdentityService on Linux), one file per name and CAE mode (.cae / .nocae).
        /// </summary>
        public IReadOnlyList<string> CacheFiles()
        {
            var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), ".IdentityService");
            return Directory.Exists(folder) ? Directory.GetFiles(folder, _settings.TokenCacheName + "*") : [];
        }

        public void Dispose()
        {
            foreach (var file in CacheFiles())
            {
                File.Delete(file);
            }
            Directory.Delete(_store.DataFolder, recursive: true);
        }
    }

    /// <summary>The app registration's certificate as the worker holds it: a PFX file with a password.</summary>
    private sealed class AppCertificate : IDisposable
    {
        public const string Password = "correct-horse-battery-staple";
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"ofu-app-{Guid.NewGuid():N}.pfx");

        public AppCertificate()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=OfficeFollowUp app", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            File.WriteAllBytes(_path, certificate.Export(X509ContentType.Pfx, Password));
            PublicCertificate = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        }

        /// <summary>The .cer an administrator uploads to the app registration: no private key.</summary>
        public X509Certificate2 PublicCertificate { get; }

        public MailboxOptions Settings(StandInEntra entra)
        {
            var settings = new MailboxOptions
            {
                Mode = MailboxMode.Application,
                TenantId = StandInEntra.TenantId,
                ClientId = StandInEntra.ClientId,
                AuthorityHost = entra.AuthorityHost.ToString(),
                CertificatePath = _path,
                CertificatePassword = Password,
                Mailboxes = ["ada@contoso.example"],
            };
            new MailboxOptionsValidator().ValidateAndThrow(settings);
            return settings;
        }

        public void Dispose()
        {
            PublicCertificate.Dispose();
            File.Delete(_path);
        }
    }

    /// <summary>Stands in for the console the worker prints the sign-in instruction to.</summary>
    private sealed class PromptWriter : TextWriter
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _line = new();
        private readonly List<string> _lines = [];
        private readonly TaskCompletionSource<string> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Encoding Encoding => Encoding.UTF8;

        public Task<string> FirstLine => _first.Task;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_gate)
                {
                    return [.. _lines];
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                if (value == '\n')
                {
                    var line = _line.ToString().TrimEnd('\r');
                    _line.Clear();
                    _lines.Add(line);
                    _first.TrySetResult(line);
                }
                else
                {
                    _line.Append(value);
                }
            }
        }
    }
}
