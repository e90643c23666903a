namespace OfficeFollowUp.Mailbox;

/// <summary>
/// Adds <c>Prefer: IdType="ImmutableId"</c> to every Graph call so stored ids survive folder moves.
/// Other Prefer values set by a request (page size, time zone) are kept.
/// </summary>
public sealed class ImmutableIdHandler : DelegatingHandler
{
    public const string Preference = "IdType=\"ImmutableId\"";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValues("Prefer", out var values) || !values.Any(v => v.Contains("IdType=", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation("Prefer", Preference);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
