using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item;
using Microsoft.Kiota.Abstractions.Authentication;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Builds the one GraphServiceClient the worker uses. The SDK's default handlers (retry with
/// Retry-After, redirect, compression) stay in the pipeline; ours only adds the ImmutableId preference.
/// </summary>
public sealed class MailboxClientFactory(IOptions<MailboxOptions> options, IOptions<StoreOptions> store, MailboxEndpoint endpoint)
{
    private readonly Lazy<GraphServiceClient> _client = new(() => Create(options, store, endpoint));

    /// <summary>Made on first use: the sandbox's address is known only once it has started.</summary>
    public GraphServiceClient Client => _client.Value;

    /// <summary>
    /// The mailbox every gateway call starts from: /me for the signed-in person (Delegated, Sandbox),
    /// /users/{id} for the mailbox of the current loop in Application mode (see <see cref="MailboxScope"/>).
    /// </summary>
    public UserItemRequestBuilder Root => Client.Users[MailboxAddress(options.Value)];

    internal static string MailboxAddress(MailboxOptions settings) => settings.UsesApplicationPermissions
        ? MailboxScope.Current ?? throw new InvalidOperationException("Application mode: a Graph call was made outside a mailbox's sync loop, so there is no mailbox to address.")
        : SignedInUserHandler.Placeholder;

    private static GraphServiceClient Create(IOptions<MailboxOptions> options, IOptions<StoreOptions> store, MailboxEndpoint endpoint)
    {
        var settings = options.Value;
        var baseUrl = endpoint.BaseUrl.ToString().TrimEnd('/');
        var handlers = Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(new ImmutableIdHandler());
        handlers.Add(new SignedInUserHandler());
        var http = Microsoft.Graph.GraphClientFactory.Create(handlers);
        http.Timeout = TimeSpan.FromSeconds(100);
        return new GraphServiceClient(http, CreateAuthentication(settings, store.Value, endpoint, Console.Out, configure: null), baseUrl);
    }

    /// <summary>
    /// <paramref name="signInPrompt"/> receives Entra's device-code instruction (the console, in the product).
    /// <paramref name="configure"/> runs last on the credential's options; only the sign-in tests pass one, to
    /// trust a stand-in Entra's self-signed certificate. The product passes none: certificate validation and
    /// instance discovery stay as Azure.Identity has them.
    /// </summary>
    internal static IAuthenticationProvider CreateAuthentication(
        MailboxOptions settings, StoreOptions store, MailboxEndpoint endpoint, TextWriter signInPrompt, Action<TokenCredentialOptions>? configure)
    {
        if (endpoint.IsLoopback)
        {
            // The sandbox (or a test's loopback Graph) needs no token; the SDK would refuse to send one over http anyway.
            return new AnonymousAuthenticationProvider();
        }

        // App-only tokens carry the permissions granted to the app: the resource's .default scope.
        var scopes = settings.UsesApplicationPermissions ? [ApplicationScope(settings)] : MailboxOptions.DelegatedScopes;
        return new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(
            CreateCredential(settings, store, signInPrompt, configure), allowedHosts: null, observabilityOptions: null, isCaeEnabled: true, scopes: scopes);
    }

    /// <summary>https://graph.microsoft.com/.default, or the national cloud's Graph host.</summary>
    internal static string ApplicationScope(MailboxOptions settings) =>
        new Uri(settings.GraphBaseUrl).GetLeftPart(UriPartial.Authority) + "/.default";

    private static TokenCredential CreateCredential(MailboxOptions settings, StoreOptions store, TextWriter signInPrompt, Action<TokenCredentialOptions>? configure) =>
        settings.UsesApplicationPermissions
            ? CreateCertificateCredential(settings, configure)
            : CreateDeviceCodeCredential(settings, store, signInPrompt, configure);

    /// <summary>The certificate and its password are never logged; a load failure names the setting, not the secret.</summary>
    internal static TokenCredential CreateCertificateCredential(MailboxOptions settings, Action<TokenCredentialOptions>? configure = null)
    {
        var certificate = LoadCertificate(settings);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("The Mailbox certificate has no private key; the app signs its token requests with it.");
        }
        var credentialOptions = new ClientCertificateCredentialOptions
        {
            AuthorityHost = new Uri(settings.AuthorityHost),
            SendCertificateChain = false,
        };
        configure?.Invoke(credentialOptions);
        return new ClientCertificateCredential(settings.TenantId, settings.ClientId, certificate, credentialOptions);
    }

    private static X509Certificate2 LoadCertificate(MailboxOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            try
            {
                return X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // The inner message can echo file details; the key name is enough to act on.
                throw new InvalidOperationException("Mailbox:CertificatePath could not be opened as a PFX with Mailbox:CertificatePassword.");
            }
        }

        var thumbprint = settings.CertificateThumbprint?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var certificates = new X509Store(StoreName.My, location);
            try
            {
                certificates.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                continue; // No such store on this machine (LocalMachine on Linux, say).
            }
            var found = certificates.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }
        throw new InvalidOperationException("No certificate with Mailbox:CertificateThumbprint was found in the CurrentUser or LocalMachine 'My' store.");
    }

    /// <summary>
    /// The saved account, or null when there is none or the file is damaged (a crash mid-write, an edit):
    /// then the person signs in again with a new code, rather than every Graph call failing.
    /// </summary>
    internal static AuthenticationRecord? ReadAuthenticationRecord(string recordPath)
    {
        if (!File.Exists(recordPath))
        {
            return null;
        }

        try
        {
            AuthenticationRecord record;
            using (var stream = File.OpenRead(recordPath))
            {
                record = AuthenticationRecord.Deserialize(stream);
            }

            if (!string.IsNullOrEmpty(record.Username) && !string.IsNullOrEmpty(record.Authority) && !string.IsNullOrEmpty(record.TenantId) && !string.IsNullOrEmpty(record.ClientId))
            {
                return record;
            }
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            // Damaged: handled below like a record that names no account.
        }

        File.Delete(recordPath);
        return null;
    }

    private static TokenCredential CreateDeviceCodeCredential(MailboxOptions settings, StoreOptions store, TextWriter signInPrompt, Action<TokenCredentialOptions>? configure)
    {
        var recordPath = Path.Combine(store.DataFolder, "auth-record.json");
        var credentialOptions = new DeviceCodeCredentialOptions
        {
            AuthorityHost = new Uri(settings.AuthorityHost),
            TenantId = settings.TenantId,
            ClientId = settings.ClientId,
            TokenCachePersistenceOptions = new TokenCachePersistenceOptions
            {
                Name = settings.TokenCacheName,
                UnsafeAllowUnencryptedStorage = settings.AllowUnencryptedTokenCache,
            },
            DeviceCodeCallback = async (code, cancellationToken) =>
            {
                // The message is Entra's own sign-in instruction (URL and code); it carries no personal data.
                await signInPrompt.WriteLineAsync(code.Message.AsMemory(), cancellationToken);
                await signInPrompt.FlushAsync(cancellationToken);
            },
        };

        credentialOptions.AuthenticationRecord = ReadAuthenticationRecord(recordPath);
        configure?.Invoke(credentialOptions);

        return new PersistedDeviceCodeCredential(credentialOptions, recordPath);
    }
}

/// <summary>Where Graph is for this process: the real service, or the sandbox once it has started.</summary>
public sealed class MailboxEndpoint
{
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseUrl => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : throw new InvalidOperationException("The mailbox endpoint is not known yet.");

    public bool IsLoopback => BaseUrl.IsLoopback;

    public Task<Uri> WhenReady => _ready.Task;

    public void Set(Uri baseUrl) => _ready.TrySetResult(baseUrl);
}
