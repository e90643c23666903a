using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Referrals;

public enum ReferralDutyKind
{
    /// <summary>Received: get in touch with the prospect.</summary>
    ContactProspect,

    /// <summary>Given: ask the partner whether they reached the prospect.</summary>
    CheckInWithPartner,

    /// <summary>Either: say how it went, so the loop can be closed.</summary>
    RecordOutcome,

    /// <summary>Given: the partner has not reached the prospect yet; give them a nudge (the check-in comes back after it).</summary>
    NudgePartner,
}

public enum Escalation
{
    OnTrack,
    Due,
    Overdue,
    Urgent,
}

public sealed record ReferralDuty(ReferralDutyKind Kind, DateTimeOffset DueAt, Escalation Escalation, int DaysSinceReferred);

/// <summary>
/// What a referral asks of the user now, when, and how loudly. Pure: the referral, the clock, the
/// mailbox's time zone and the settings in. Day-based windows count the mailbox's calendar days,
/// so "in 7 days" keeps its wall-clock time across a DST change.
/// </summary>
public static class PlanReferralDuties
{
    public static ReferralDuty? Run(Referral referral, DateTimeOffset now, TimeZoneInfo zone, ReferralOptions options)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(options);
        if (referral.Outcome is { } outcome && outcome != ReferralOutcome.InProgress)
        {
            return null;
        }

        var (kind, due) = referral.Direction switch
        {
            ReferralDirection.Received when referral.ContactedAt is null && referral.Outcome is null =>
                (ReferralDutyKind.ContactProspect, ContactDue(referral.ReferredAt, zone, options)),
            ReferralDirection.Given when referral.PartnerFollowedUp is null && referral.CheckedInAt is null && referral.Outcome is null =>
                (ReferralDutyKind.CheckInWithPartner, referral.PartnerNudgedAt is { } nudged
                    ? MailboxTime.AddLocal(nudged, options.CheckInAfterNudge, zone)
                    : CheckInDue(referral.ReferredAt, zone, options)),
            ReferralDirection.Given when referral.PartnerFollowedUp == false && referral.Outcome is null =>
                (ReferralDutyKind.NudgePartner, referral.PartnerAnsweredAt ?? CheckInDue(referral.ReferredAt, zone, options)),
            ReferralDirection.Received =>
                (ReferralDutyKind.RecordOutcome, MailboxTime.AddLocal(referral.OutcomeAt ?? referral.ContactedAt ?? referral.ReferredAt, options.OutcomeWithin, zone)),
            ReferralDirection.Given =>
                (ReferralDutyKind.RecordOutcome, MailboxTime.AddLocal(referral.OutcomeAt ?? CheckInDue(referral.ReferredAt, zone, options), options.OutcomeWithin, zone)),
            _ => throw new InvalidOperationException($"Unknown direction {referral.Direction}."),
        };

        return new ReferralDuty(kind, due, EscalationAt(due, now, options.EscalateEvery), DaysSince(referral.ReferredAt, now, zone));
    }

    public static DateTimeOffset ContactDue(DateTimeOffset referredAt, TimeZoneInfo zone, ReferralOptions options) =>
        MailboxTime.ToLocal(referredAt + options.ContactWithin, zone);

    public static DateTimeOffset CheckInDue(DateTimeOffset referredAt, TimeZoneInfo zone, ReferralOptions options) =>
        MailboxTime.AddLocal(referredAt, options.GivenCheckInAfter, zone);

    /// <summary>Not yet due; due; overdue by one step; overdue by three steps or more.</summary>
    public static Escalation EscalationAt(DateTimeOffset due, DateTimeOffset now, TimeSpan step)
    {
        if (now < due)
        {
            return Escalation.OnTrack;
        }

        var late = now - due;
        return late < step ? Escalation.Due : late < step * 3 ? Escalation.Overdue : Escalation.Urgent;
    }

    /// <summary>Calendar days in the mailbox's zone: received at 23:00, seen at 08:00 the next morning is 1 day.</summary>
    public static int DaysSince(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone) =>
        Math.Max(0, MailboxTime.CalendarDaysBetween(instant, now, zone));
}
