using Azure.Core;
using Azure.Identity;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Device-code sign-in that remembers who signed in (the authentication record, no secrets) so the
/// persisted token cache is used silently on the next start instead of asking for a new code.
/// </summary>
internal sealed class PersistedDeviceCodeCredential(DeviceCodeCredentialOptions options, string recordPath) : TokenCredential
{
    private readonly DeviceCodeCredential _inner = new(options);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _recordSaved = options.AuthenticationRecord is not null;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (!_recordSaved)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (!_recordSaved)
                {
                    var record = await _inner.AuthenticateAsync(requestContext, cancellationToken);
                    // Written beside it and moved into place: a crash mid-write never leaves half a record.
                    // Owner-only like everything in the data folder: it names the account that signed in.
                    var partial = recordPath + ".partial";
                    await using (var stream = PrivateDataFolder.CreateFile(partial))
                    {
                        await record.SerializeAsync(stream, cancellationToken);
                    }
                    File.Move(partial, recordPath, overwrite: true);
                    _recordSaved = true;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        return await _inner.GetTokenAsync(requestContext, cancellationToken);
    }
}
