using System.Net;
using System.Text.Json;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// <c>POST /me/calendar/getSchedule</c> for the user's own mailbox: free/busy items, the availability view
/// (0 free, 1 tentative, 2 busy, 3 oof, 4 workingElsewhere per interval) and working hours.
/// </summary>
internal static class GetScheduleRoute
{
    public static async Task AnswerAsync(SandboxRequest r, SandboxCalendar calendar)
    {
        using var body = await r.ReadBodyAsync().ConfigureAwait(false);
        var json = body.RootElement;
        if (json.ValueKind != JsonValueKind.Object
            || !EventBody.TryGetParameter(json, "schedules", out var schedules) || schedules.ValueKind != JsonValueKind.Array || schedules.GetArrayLength() == 0)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "The 'schedules' parameter is required and must list at least one address.");
        }

        var (start, startZone, startZoneName) = EventBody.ReadDateTimeTimeZone(json, "startTime", required: true)!.Value;
        var (end, _, _) = EventBody.ReadDateTimeTimeZone(json, "endTime", required: true)!.Value;
        var interval = 30;
        if (EventBody.TryGetParameter(json, "availabilityViewInterval", out var intervalJson) && intervalJson.ValueKind == JsonValueKind.Number)
        {
            interval = intervalJson.GetInt32();
        }

        if (interval is < 5 or > 1440)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "The 'availabilityViewInterval' must be between 5 and 1440 minutes.");
        }

        if (end <= start)
        {
            throw new GraphError(HttpStatusCode.BadRequest, "ErrorInvalidParameter", "The 'endTime' must be after the 'startTime'.");
        }

        var zone = r.Prefer.TimeZone is not null && SandboxTimeZones.Find(r.Prefer.TimeZone) is { } preferred
            ? new RenderZone(preferred, r.Prefer.TimeZone)
            : new RenderZone(startZone, startZoneName);
        if (r.Prefer.TimeZone is not null && zone.Name == r.Prefer.TimeZone)
        {
            r.Applied.Add($"outlook.timezone=\"{zone.Name}\"");
        }

        var instances = calendar.InstancesBetween(start, end);
        var hours = r.Mailbox.WorkingHours;
        var mailboxZone = r.Mailbox.TimeZone;
        var slots = (int)Math.Ceiling((end - start).TotalMinutes / interval);
        var view = new char[slots];
        for (var i = 0; i < slots; i++)
        {
            var slotStart = start.AddMinutes(i * interval);
            var slotEnd = slotStart.AddMinutes(interval);
            var status = instances.Where(e => e.Start < slotEnd && e.End > slotStart).Select(e => e.Data.ShowAs).MaxBy(Rank) ?? "free";
            view[i] = status switch
            {
                "tentative" => '1',
                "busy" => '2',
                "oof" => '3',
                "workingElsewhere" => '4',
                _ => '0',
            };
        }

        await r.WriteJsonAsync(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{r.BaseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)");
            w.WriteStartArray("value");
            foreach (var schedule in schedules.EnumerateArray().Select(s => s.GetString() ?? string.Empty))
            {
                w.WriteStartObject();
                w.WriteString("scheduleId", schedule);
                if (!IsOwnAddress(r.Mailbox.User, schedule))
                {
                    w.WriteString("availabilityView", string.Empty);
                    w.WriteStartArray("scheduleItems");
                    w.WriteEndArray();
                    w.WriteStartObject("error");
                    w.WriteString("message", "The sandbox mailbox can only return free/busy information for its own user.");
                    w.WriteString("responseCode", "ErrorMailRecipientNotFound");
                    w.WriteEndObject();
                    w.WriteEndObject();
                    continue;
                }

                w.WriteString("availabilityView", new string(view));
                w.WriteStartArray("scheduleItems");
                foreach (var e in instances)
                {
                    w.WriteStartObject();
                    w.WriteBoolean("isPrivate", e.Data.Sensitivity == "private");
                    w.WriteString("status", e.Data.ShowAs);
                    w.WriteString("subject", e.Data.Subject);
                    w.WriteString("location", e.Data.Location ?? string.Empty);
                    zone.Write(w, "start", e.Start);
                    zone.Write(w, "end", e.End);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                SandboxJson.WriteWorkingHours(w, hours, mailboxZone);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }).ConfigureAwait(false);

        static int Rank(string showAs) => showAs switch
        {
            "oof" => 4,
            "busy" => 3,
            "tentative" => 2,
            "workingElsewhere" => 1,
            _ => 0,
        };
    }

    private static bool IsOwnAddress(SandboxUser user, string address) =>
        address.Equals(user.Mail, StringComparison.OrdinalIgnoreCase)
        || address.Equals(user.UserPrincipalName, StringComparison.OrdinalIgnoreCase)
        || user.ProxyAddresses.Any(p => p.Length > 5 && p[5..].Equals(address, StringComparison.OrdinalIgnoreCase));
}
