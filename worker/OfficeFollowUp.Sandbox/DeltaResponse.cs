using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// What every delta function (contacts delta, calendarView delta) answers alike: links followed whole, their tokens
/// checked and expired on demand, and pages of items and <c>@removed</c> entries ending in a nextLink or a deltaLink.
/// </summary>
internal static class DeltaResponse
{
    public const int DefaultPageSize = 10;

    /// <summary>
    /// The cursor a nextLink (<c>$skiptoken</c>) or deltaLink (<c>$deltatoken</c>) carries, a deltaLink's turned by
    /// <paramref name="startNextRound"/> into the cursor of the round it starts; null on a round's first request.
    /// A token that does not decode is 400; one from before the tokens expired is 410 Gone, with the link of a fresh
    /// round in Location.
    /// </summary>
    public static T? CursorFromLink<T>(SandboxRequest r, Func<string, T?> decode, Func<T, string> freshRound, Func<T, T> startNextRound)
        where T : class, IDeltaCursor
    {
        var skipToken = r.Query("$skiptoken");
        var deltaToken = r.Query("$deltatoken");
        if (skipToken.Length == 0 && deltaToken.Length == 0)
        {
            return null;
        }

        var cursor = decode(skipToken.Length > 0 ? skipToken : deltaToken)
            ?? throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidSyncStateData", "The sync state data is corrupt or otherwise invalid.");

        // Not short-circuited: a pending "expire the next request" is used up by this request either way.
        var faults = r.Mailbox.Faults;
        if (cursor.Epoch != faults.DeltaEpoch | faults.TakeExpireNextDeltaRequest())
        {
            throw new GraphError(
                HttpStatusCode.Gone, "syncStateNotFound", "The sync state is not found or has expired. Start a new delta round.", freshRound(cursor));
        }

        return skipToken.Length > 0 ? cursor : startNextRound(cursor);
    }

    /// <summary>One page: its items (a removed one as <c>@removed</c>), and a nextLink or a deltaLink to <paramref name="roundLink"/>.</summary>
    public static Task WritePageAsync<T, TCursor>(
        SandboxRequest r, string entityType, string roundLink, DeltaPage<T, TCursor> page, Action<Utf8JsonWriter, T> write)
        where T : class
        where TCursor : class, IDeltaCursor =>
        r.WriteJsonAsync(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#Collection({entityType})");
            if (page.Next is not null)
            {
                w.WriteString("@odata.nextLink", $"{roundLink}?$skiptoken={page.Next.Encode()}");
            }

            w.WriteStartArray("value");
            foreach (var item in page.Items)
            {
                if (item.Item is null)
                {
                    SandboxJson.WriteRemoved(w, item.Id, $"#microsoft.graph.{entityType}");
                }
                else
                {
                    write(w, item.Item);
                }
            }

            w.WriteEndArray();
            if (page.Delta is not null)
            {
                w.WriteString("@odata.deltaLink", $"{roundLink}?$deltatoken={page.Delta.Encode()}");
            }

            w.WriteEndObject();
        });
}
