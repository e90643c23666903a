using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Tests.Auth;

/// <summary>
/// Application permissions: the worker serves the configured mailboxes through /users/{id}, one
/// loop each, and a caller sees only their own. The sandbox answers /users/{its user} and nobody else.
/// </summary>
public sealed class ApplicationModeTests
{
    private const string Stranger = "someone.else@contoso.example";

    /// <summary>A sandbox that answers as Graph answers an app-only token: /me is refused.</summary>
    private static async Task<SandboxWorld> AppOnlyWorldAsync()
    {
        var world = await SandboxWorld.StartAsync();
        world.Mailbox.ApplicationPermissions = true;
        return world;
    }

    private static string[] ApplicationArgs(SandboxWorld world) =>
    [
        "--Mailbox:Mode=Application",
        $"--Mailbox:Mailboxes:0={world.Mailbox.User.UserPrincipalName}",
        $"--Mailbox:Mailboxes:1={Stranger}",
    ];

    [Fact]
    public async Task Each_configured_mailbox_is_synced_at_its_own_users_address()
    {
        await using var world = await AppOnlyWorldAsync();
        await using var worker = await world.StartWorkerAsync(ApplicationArgs(world));
        var syncs = worker.Get<SyncApplicationMailboxes>();
        var upn = world.Mailbox.User.UserPrincipalName;

        await syncs.RunOnceAsync(upn, CancellationToken.None);
        world.Mailbox.AddContact(new SandboxContactSeed("Zoë", "Ångström", ["zoe@nordic.design"], "Nordic Design"));
        var own = await syncs.RunOnceAsync(upn, CancellationToken.None);
        var stranger = await syncs.RunOnceAsync(Stranger, CancellationToken.None);

        Assert.True(own.Connected);
        Assert.Equal(1, own.DraftsPrepared);
        Assert.Equal("zoe@nordic.design", Assert.Single(world.Mailbox.Drafts).ToRecipients.Single().Address);
        // Had the stranger's loop gone to /me it would have reached the sandbox user's mailbox.
        Assert.False(stranger.Connected);
    }

    [Fact]
    public async Task A_graph_call_outside_a_mailbox_loop_fails_instead_of_guessing_a_mailbox()
    {
        await using var world = await AppOnlyWorldAsync();
        await using var worker = await world.StartWorkerAsync(ApplicationArgs(world));

        await Assert.ThrowsAsync<InvalidOperationException>(() => worker.Get<MailboxReader>().ReadProfileAsync(CancellationToken.None));
    }

    [Fact]
    public async Task With_several_mailboxes_the_pairing_key_is_refused_and_a_user_token_sees_only_its_own_mailbox()
    {
        await using var idp = await LocalIdentityProvider.StartAsync();
        await using var world = await AppOnlyWorldAsync();
        await using var worker = await world.StartWorkerAsync(
        [
            .. ApplicationArgs(world),
            $"--Auth:Authority={idp.Authority}",
            $"--Auth:Audience={LocalIdentityProvider.Audience}",
            $"--Auth:AllowedTenants:0={LocalIdentityProvider.Tenant}",
            $"--Auth:PaneClientId={LocalIdentityProvider.PaneClientId}",
        ]);
        var syncs = worker.Get<SyncApplicationMailboxes>();
        await syncs.RunOnceAsync(world.Mailbox.User.UserPrincipalName, CancellationToken.None);
        world.Mailbox.AddContact(new SandboxContactSeed("Zoë", "Ångström", ["zoe@nordic.design"], "Nordic Design"));
        await syncs.RunOnceAsync(world.Mailbox.User.UserPrincipalName, CancellationToken.None);

        using var paired = worker.Client();
        using var owner = worker.Client(paired: false);
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", idp.Token(world.Mailbox.User.Id));

        var byKey = await paired.GetAsync(new Uri("/api/followups", UriKind.Relative));
        var byOwner = await owner.GetFromJsonAsync<JsonElement>("/api/followups");

        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        Assert.Equal(3, byOwner.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "--Mailbox:Mode=Application", "--Mailbox:TenantId=9f3c1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10", "--Mailbox:ClientId=5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21", "--Mailbox:Mailboxes:0=a@contoso.example" }, "Mailbox:CertificatePath")]
    [InlineData(new[] { "--Mailbox:Mode=Application", "--Mailbox:TenantId=9f3c1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10", "--Mailbox:ClientId=5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21", "--Mailbox:CertificateThumbprint=AB12" }, "Mailbox:Mailboxes")]
    [InlineData(new[] { "--Mailbox:Mode=Application", "--Mailbox:TenantId=contoso.onmicrosoft.com", "--Mailbox:ClientId=5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21", "--Mailbox:CertificateThumbprint=AB12", "--Mailbox:Mailboxes:0=a@contoso.example" }, "Mailbox:TenantId")]
    [InlineData(new[] { "--Mailbox:Mode=Application", "--Mailbox:TenantId=9f3c1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10", "--Mailbox:ClientId=5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21", "--Mailbox:CertificatePath=/nonexistent/app.pfx", "--Mailbox:Mailboxes:0=a@contoso.example" }, "Mailbox:CertificatePath")]
    public async Task A_bad_application_setting_stops_the_worker_naming_the_key(string[] settings, string key)
    {
        await using var world = await SandboxWorld.StartAsync();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => world.StartWorkerAsync(
            [.. settings, "--Mailbox:GraphBaseUrl=https://graph.microsoft.com/v1.0"]));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_certificate_credential_loads_the_pfx_and_a_wrong_password_names_the_setting_not_the_secret()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"ofu-{Guid.NewGuid():N}.pfx");
        try
        {
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=OfficeFollowUp test app", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
                File.WriteAllBytes(pfx, cert.Export(X509ContentType.Pfx, "right-horse-battery"));
            }
            var settings = new MailboxOptions
            {
                Mode = MailboxMode.Application,
                TenantId = "9f3c1c36-0b6f-4b7e-9a7c-2f3c9c1d5e10",
                ClientId = "5b1e4b8c-3c55-4a4f-9d6e-0c3f1f4f7a21",
                CertificatePath = pfx,
                CertificatePassword = "right-horse-battery",
            };

            var credential = MailboxClientFactory.CreateCertificateCredential(settings);
            settings.CertificatePassword = "wrong-staple";
            var ex = Assert.Throws<InvalidOperationException>(() => MailboxClientFactory.CreateCertificateCredential(settings));

            Assert.IsType<ClientCertificateCredential>(credential);
            Assert.Contains("Mailbox:CertificatePath", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-staple", ex.ToString(), StringComparison.Ordinal);
            Assert.Equal("https://graph.microsoft.com/.default", MailboxClientFactory.ApplicationScope(settings));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5/v1.0/users/me-token-to-replace/messages?$top=1", "http://127.0.0.1:5/v1.0/me/messages?$top=1")]
    [InlineData("http://127.0.0.1:5/v1.0/users/me-token-to-replace", "http://127.0.0.1:5/v1.0/me")]
    [InlineData("http://127.0.0.1:5/v1.0/users/me-token-to-replace/contactFolders/AQMk%3D/contacts/delta()", "http://127.0.0.1:5/v1.0/me/contactFolders/AQMk%3D/contacts/delta()")]
    [InlineData("http://127.0.0.1:5/v1.0/users/ada@contoso.example/messages", "http://127.0.0.1:5/v1.0/users/ada@contoso.example/messages")]
    [InlineData("http://127.0.0.1:5/v1.0/users/me-token-to-replace-not/messages", "http://127.0.0.1:5/v1.0/users/me-token-to-replace-not/messages")]
    public async Task The_signed_in_user_placeholder_is_sent_as_me_and_named_mailboxes_are_left_alone(string sent, string expected)
    {
        var terminal = new Capture();
        using var invoker = new HttpMessageInvoker(new SignedInUserHandler { InnerHandler = terminal });

        using var _ = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, sent), CancellationToken.None);

        Assert.Equal(expected, terminal.Uri!.AbsoluteUri);
    }

    private sealed class Capture : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
