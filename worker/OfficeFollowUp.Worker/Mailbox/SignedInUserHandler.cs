namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Lets the gateway address every mailbox through one request-builder type (client.Users[id]):
/// the placeholder id for "the signed-in user" is sent as /me, as Graph's own SDKs do with their
/// URL-replace middleware. Delegated and sandbox calls therefore stay exactly /me/…; Application
/// mode sends /users/{id}/… unchanged.
/// </summary>
internal sealed class SignedInUserHandler : DelegatingHandler
{
    public const string Placeholder = "me-token-to-replace";
    private const string Segment = "/users/" + Placeholder;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            // Work on the escaped text so ids that Graph percent-encodes are passed on untouched.
            var text = uri.AbsoluteUri;
            var at = text.IndexOf(Segment, StringComparison.Ordinal);
            var end = at + Segment.Length;
            if (at >= 0 && (text.Length == end || text[end] is '/' or '?'))
            {
                request.RequestUri = new Uri(string.Concat(text.AsSpan(0, at), "/me", text.AsSpan(end)));
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}
