using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
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

    private static GraphServiceClient Create(IOptions<MailboxOptions> options, IOptions<StoreOptions> store, MailboxEndpoint endpoint)
    {
        var settings = options.Value;
        var baseUrl = endpoint.BaseUrl.ToString().TrimEnd('/');
        var handlers = Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(new ImmutableIdHandler());
        var http = Microsoft.Graph.GraphClientFactory.Create(handlers);
        http.Timeout = TimeSpan.FromSeconds(100);
        return new GraphServiceClient(http, CreateAuthentication(settings, store.Value, endpoint), baseUrl);
    }

    private static IAuthenticationProvider CreateAuthentication(MailboxOptions settings, StoreOptions store, MailboxEndpoint endpoint)
    {
        if (endpoint.IsLoopback)
        {
            // The sandbox (or a test's loopback Graph) needs no token; the SDK would refuse to send one over http anyway.
            return new AnonymousAuthenticationProvider();
        }

        return new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(
            CreateCredential(settings, store), allowedHosts: null, observabilityOptions: null, isCaeEnabled: true, scopes: MailboxOptions.DelegatedScopes);
    }

    internal static TokenCredential CreateCredential(MailboxOptions settings, StoreOptions store)
    {
        var recordPath = Path.Combine(store.DataFolder, "auth-record.json");
        var credentialOptions = new DeviceCodeCredentialOptions
        {
            TenantId = settings.TenantId,
            ClientId = settings.ClientId,
            TokenCachePersistenceOptions = new TokenCachePersistenceOptions
            {
                Name = settings.TokenCacheName,
                UnsafeAllowUnencryptedStorage = settings.AllowUnencryptedTokenCache,
            },
            DeviceCodeCallback = (code, _) =>
            {
                // The message is Entra's own sign-in instruction (URL and code); it carries no personal data.
                Console.WriteLine(code.Message);
                return Task.CompletedTask;
            },
        };

        if (File.Exists(recordPath))
        {
            using var stream = File.OpenRead(recordPath);
            credentialOptions.AuthenticationRecord = AuthenticationRecord.Deserialize(stream);
        }

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
