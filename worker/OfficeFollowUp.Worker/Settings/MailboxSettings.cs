using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;

namespace OfficeFollowUp.Settings;

/// <summary>What the pane's Settings view shows and saves: the few options a person tunes for themselves.</summary>
public sealed record MailboxSettings(
    string NetworkingCategory,
    IReadOnlyList<string> SubjectKeywords,
    int MeetingLengthMinutes,
    int MeetingBufferMinutes,
    string Signature,
    CadenceDays Cadences)
{
    /// <summary>The configured options seen as settings (durations rounded to the units the pane edits).</summary>
    public static MailboxSettings From(CalendarOptions calendar, FollowUpOptions followUps, KeepInTouchOptions keepInTouch) => new(
        calendar.NetworkingCategory,
        calendar.SubjectKeywords,
        (int)Math.Round(calendar.MeetingLength.TotalMinutes),
        (int)Math.Round(calendar.MeetingBuffer.TotalMinutes),
        followUps.Signature,
        new CadenceDays(
            Days(keepInTouch.CadenceOf(Tier.ReferralPartner)),
            Days(keepInTouch.CadenceOf(Tier.InnerCircle)),
            Days(keepInTouch.CadenceOf(Tier.Other))));

    private static int Days(TimeSpan cadence) => (int)Math.Round(cadence.TotalDays);
}

/// <summary>Keep-in-touch cadence per tier, in days.</summary>
public sealed record CadenceDays(int ReferralPartner, int InnerCircle, int Other);

/// <summary>
/// What one mailbox changed from the configured options; null means "as configured", so a later
/// change to appsettings still reaches every value the person never touched.
/// </summary>
public sealed record SettingsOverrides(
    string? NetworkingCategory = null,
    IReadOnlyList<string>? SubjectKeywords = null,
    int? MeetingLengthMinutes = null,
    int? MeetingBufferMinutes = null,
    string? Signature = null,
    int? ReferralPartnerDays = null,
    int? InnerCircleDays = null,
    int? OtherDays = null)
{
    public static readonly SettingsOverrides None = new();

    /// <summary>Only the values that differ from what is configured become overrides.</summary>
    public static SettingsOverrides Between(MailboxSettings configured, MailboxSettings wanted) => new(
        Differs(configured.NetworkingCategory, wanted.NetworkingCategory),
        configured.SubjectKeywords.SequenceEqual(wanted.SubjectKeywords, StringComparer.Ordinal) ? null : wanted.SubjectKeywords,
        Differs(configured.MeetingLengthMinutes, wanted.MeetingLengthMinutes),
        Differs(configured.MeetingBufferMinutes, wanted.MeetingBufferMinutes),
        Differs(configured.Signature, wanted.Signature),
        Differs(configured.Cadences.ReferralPartner, wanted.Cadences.ReferralPartner),
        Differs(configured.Cadences.InnerCircle, wanted.Cadences.InnerCircle),
        Differs(configured.Cadences.Other, wanted.Cadences.Other));

    public MailboxSettings ApplyTo(MailboxSettings configured) => new(
        NetworkingCategory ?? configured.NetworkingCategory,
        SubjectKeywords ?? configured.SubjectKeywords,
        MeetingLengthMinutes ?? configured.MeetingLengthMinutes,
        MeetingBufferMinutes ?? configured.MeetingBufferMinutes,
        Signature ?? configured.Signature,
        new CadenceDays(
            ReferralPartnerDays ?? configured.Cadences.ReferralPartner,
            InnerCircleDays ?? configured.Cadences.InnerCircle,
            OtherDays ?? configured.Cadences.Other));

    private static string? Differs(string configured, string wanted) => string.Equals(configured, wanted, StringComparison.Ordinal) ? null : wanted;

    private static int? Differs(int configured, int wanted) => configured == wanted ? null : wanted;
}
