using System.Globalization;
using System.Net;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Calendar;

/// <summary>The private hold's subject and body: who it is for and the context the user will want when booking.</summary>
public static class HoldTemplate
{
    public static (string Subject, string HtmlBody) Render(FollowUpItem step, TimeZoneInfo zone)
    {
        var lines = new List<string>
        {
            $"<p>A private hold for a one-to-one with {Encode(step.DisplayName)} ({Encode(step.Email)}), placed by OfficeFollowUp.</p>",
        };
        if (step.MetAt is { } met)
        {
            var when = TimeZoneInfo.ConvertTime(met, zone).ToString("dddd d MMMM", CultureInfo.InvariantCulture);
            lines.Add(string.IsNullOrWhiteSpace(step.EventSubject)
                ? $"<p>You met on {Encode(when)}.</p>"
                : $"<p>You met at {Encode(step.EventSubject)} on {Encode(when)}.</p>");
        }
        if (!string.IsNullOrWhiteSpace(step.Remember))
        {
            lines.Add($"<p>To remember: {Encode(step.Remember)}</p>");
        }
        if (!string.IsNullOrWhiteSpace(step.Promised))
        {
            lines.Add($"<p>You promised: {Encode(step.Promised)}</p>");
        }
        lines.Add($"<p>To book it, add {Encode(step.DisplayName)} as an attendee and send the invitation. Move or delete this hold if it does not suit; a deleted hold is not placed again.</p>");
        return ($"Hold: 1-2-1 with {step.DisplayName}", string.Concat(lines));
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
