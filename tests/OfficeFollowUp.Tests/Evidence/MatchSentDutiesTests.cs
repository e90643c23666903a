using OfficeFollowUp.Evidence;

namespace OfficeFollowUp.Tests.Evidence;

public sealed class MatchSentDutiesTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private static OpenDutyFacts Duty(string id, SentDutyKind kind, string key = "anaru@kowhai.nz", string? draftId = null, string? source = null, int dueDays = 1) =>
        new(kind, id, key, Start, Start.AddDays(dueDays), draftId, source);

    private static SentMessageFacts Sent(string id, double hoursAfterStart, params string[] to) =>
        new(id, Start.AddHours(hoursAfterStart), to, "conv", "<m@a>");

    public static TheoryData<string, OpenDutyFacts[], SentMessageFacts[], string[]> Cases => new()
    {
        { "the referral's intro draft, sent", [Duty("r", SentDutyKind.ReferralContact, draftId: "d1")], [Sent("d1", 2, "anaru@kowhai.nz")], ["ReferralContact r:d1"] },
        { "the intro draft, sent to an address the user typed instead", [Duty("r", SentDutyKind.ReferralContact, draftId: "d1")], [Sent("d1", 2, "anaru@home.example")], ["ReferralContact r:d1"] },
        { "mail from scratch to the prospect", [Duty("r", SentDutyKind.ReferralContact)], [Sent("m1", 2, "anaru@kowhai.nz")], ["ReferralContact r:m1"] },
        { "the close-the-loop note to the partner", [Duty("r", SentDutyKind.CloseTheLoop, key: "sam@taylor.nz")], [Sent("m1", 2, "sam@taylor.nz")], ["CloseTheLoop r:m1"] },
        { "a check-in with the partner", [Duty("g", SentDutyKind.ReferralCheckIn, key: "sam@taylor.nz")], [Sent("m1", 30, "sam@taylor.nz")], ["ReferralCheckIn g:m1"] },
        { "the introduction the referral came from is no check-in", [Duty("g", SentDutyKind.ReferralCheckIn, key: "sam@taylor.nz", source: "intro")], [Sent("intro", 1, "sam@taylor.nz")], [] },
        { "mail sent before the duty started answers nothing", [Duty("r", SentDutyKind.CloseTheLoop, key: "sam@taylor.nz")], [Sent("m1", -2, "sam@taylor.nz")], [] },
        { "a promise kept by email", [Duty("p", SentDutyKind.Promise)], [Sent("m1", 5, "anaru@kowhai.nz")], ["Promise p:m1"] },
        { "mail to a different person completes nothing", [Duty("r", SentDutyKind.ReferralContact), Duty("p", SentDutyKind.Promise)], [Sent("m1", 2, "mere@parata.nz")], [] },
        { "one mail to a person completes one duty of each kind: the earliest due", [Duty("p2", SentDutyKind.Promise, dueDays: 9), Duty("p1", SentDutyKind.Promise, dueDays: 3), Duty("r", SentDutyKind.ReferralContact)],
            [Sent("m1", 2, "anaru@kowhai.nz")], ["ReferralContact r:m1", "Promise p1:m1"] },
        { "the same message twice (a replayed page) completes once", [Duty("r", SentDutyKind.ReferralContact, draftId: "d1")], [Sent("d1", 2, "anaru@kowhai.nz"), Sent("d1", 2, "anaru@kowhai.nz")], ["ReferralContact r:d1"] },
        { "a draft completes its own duty, not a second one of its kind to the same person", [Duty("r1", SentDutyKind.ReferralContact, draftId: "d1", dueDays: 3), Duty("r0", SentDutyKind.ReferralContact)],
            [Sent("d1", 2, "anaru@kowhai.nz")], ["ReferralContact r1:d1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sent_mail_completes_the_duties_it_answers(string because, OpenDutyFacts[] duties, SentMessageFacts[] sent, string[] expected)
    {
        var completions = MatchSentDuties.Run(sent, duties);

        var got = completions.Select(c => $"{c.Kind} {c.Id}:{c.EvidenceId}").ToList();
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(got.Order(StringComparer.Ordinal)), $"{because}: got {string.Join(", ", got)}");
        Assert.All(completions, c => Assert.Equal(sent.First(m => m.Id == c.EvidenceId).SentAt, c.At));
    }
}
