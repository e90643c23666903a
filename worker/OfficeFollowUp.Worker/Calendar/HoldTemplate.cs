using System.Globalization;
using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Calendar;

/// <summary>
/// The private hold's subject and body: who it is for and the context the user will want when
/// booking. Every sentence is <see cref="NoteText"/>, so the person's details are encoded.
/// </summary>
public static class HoldTemplate
{
    public static (string Subject, string HtmlBody) Render(FollowUpItem step, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(step);
        var paragraphs = new List<NoteText>
        {
            $"A private hold for a one-to-one with {step.DisplayName} ({step.Email}), placed by OfficeFollowUp.",
        };
        if (step.MetAt is { } met)
        {
            var when = MailboxTime.ToLocal(met, zone).ToString("dddd d MMMM", CultureInfo.InvariantCulture);
            paragraphs.Add(string.IsNullOrWhiteSpace(step.EventSubject)
                ? (NoteText)$"You met on {when}."
                : $"You met at {step.EventSubject} on {when}.");
        }
        if (!string.IsNullOrWhiteSpace(step.Remember))
        {
            paragraphs.Add($"To remember: {step.Remember}");
        }
        if (!string.IsNullOrWhiteSpace(step.Promised))
        {
            paragraphs.Add($"You promised: {step.Promised}");
        }
        paragraphs.Add($"To book it, add {step.DisplayName} as an attendee and send the invitation. Move or delete this hold if it does not suit; a deleted hold is not placed again.");
        NoteText subject = $"Hold: 1-2-1 with {step.DisplayName}";
        return (subject.Text, NoteBody.Paragraphs(paragraphs).Html);
    }
}
