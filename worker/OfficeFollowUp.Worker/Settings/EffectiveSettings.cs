using System.Text.Json;
using Microsoft.Extensions.Options;
using OfficeFollowUp.Calendar;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.KeepInTouch;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Settings;

/// <summary>
/// The options as one mailbox sees them: its stored overrides over the configured values. Code that
/// acts for a mailbox asks this instead of IOptions for the settings a person can change.
/// </summary>
public sealed class EffectiveSettings(
    IOptions<CalendarOptions> calendar, IOptions<FollowUpOptions> followUps, IOptions<KeepInTouchOptions> keepInTouch, SettingsStore store)
{
    public sealed record Values(CalendarOptions Calendar, FollowUpOptions FollowUps, KeepInTouchOptions KeepInTouch)
    {
        public MailboxSettings Settings => MailboxSettings.From(Calendar, FollowUps, KeepInTouch);
    }

    /// <summary>The configured values, before any mailbox's changes.</summary>
    public MailboxSettings Configured => MailboxSettings.From(calendar.Value, followUps.Value, keepInTouch.Value);

    public async Task<Values> ForAsync(string mailboxId, CancellationToken ct) => Merge(await store.GetAsync(mailboxId, ct));

    /// <summary>Inside a caller's transaction (a sync page being saved).</summary>
    internal async Task<Values> ForAsync(StoreSession session, string mailboxId, CancellationToken ct) => Merge(await store.GetAsync(session, mailboxId, ct));

    internal Values Merge(SettingsOverrides overrides)
    {
        if (overrides == SettingsOverrides.None)
        {
            return new Values(calendar.Value, followUps.Value, keepInTouch.Value);
        }

        // Copies, so a mailbox's values never leak into the shared options instances.
        var cal = Copy(calendar.Value);
        cal.NetworkingCategory = overrides.NetworkingCategory ?? cal.NetworkingCategory;
        cal.SubjectKeywords = overrides.SubjectKeywords?.ToList() ?? cal.SubjectKeywords;
        cal.MeetingLength = overrides.MeetingLengthMinutes is { } length ? TimeSpan.FromMinutes(length) : cal.MeetingLength;
        cal.MeetingBuffer = overrides.MeetingBufferMinutes is { } buffer ? TimeSpan.FromMinutes(buffer) : cal.MeetingBuffer;

        var follow = Copy(followUps.Value);
        follow.Signature = overrides.Signature ?? follow.Signature;

        var keep = Copy(keepInTouch.Value);
        keep.Tiers = new Dictionary<Tier, TimeSpan>(keep.Tiers);
        Override(keep.Tiers, Tier.ReferralPartner, overrides.ReferralPartnerDays);
        Override(keep.Tiers, Tier.InnerCircle, overrides.InnerCircleDays);
        Override(keep.Tiers, Tier.Other, overrides.OtherDays);
        return new Values(cal, follow, keep);
    }

    private static void Override(Dictionary<Tier, TimeSpan> tiers, Tier tier, int? days)
    {
        if (days is { } d)
        {
            tiers[tier] = TimeSpan.FromDays(d);
        }
    }

    /// <summary>A deep copy that keeps every option, including ones added after this class was written.</summary>
    private static T Copy<T>(T options) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(options))!;
}
