using OfficeFollowUp.Evidence;

namespace OfficeFollowUp.Tests.Evidence;

public sealed class MatchSentEvidenceTests
{
    private static readonly DateTimeOffset Met = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private static OpenStepFacts Step(string id, FollowUpStepKind kind, string key = "sofia@tidewater.co.nz", string? channel = null, string? draftId = null,
        string? conversationId = null, string? internetMessageId = null, int dueDays = 1) =>
        new(id, key, kind, Met, Met.AddDays(dueDays), channel, draftId, conversationId, internetMessageId);

    private static SentMessageFacts Sent(string id, double hoursAfterMet, string[] to, string? conversationId = "conv-x", string? internetMessageId = "<x@a>") =>
        new(id, Met.AddHours(hoursAfterMet), to, conversationId, internetMessageId);

    public static TheoryData<string, OpenStepFacts[], SentMessageFacts[], string[]> Cases => new()
    {
        { "the product's draft, sent, by its immutable id", [Step("t", FollowUpStepKind.ThankYou, draftId: "d1")], [Sent("d1", 2, ["sofia@tidewater.co.nz"])], ["t:d1"] },
        { "the draft, sent to an address the user changed, still completes its step", [Step("t", FollowUpStepKind.ThankYou, draftId: "d1")], [Sent("d1", 2, ["other@x.co.nz"])], ["t:d1"] },
        { "a new id but the draft's internet message id", [Step("t", FollowUpStepKind.ThankYou, draftId: "d1", internetMessageId: "<d1@a>")], [Sent("m9", 2, ["x@y.nz"], internetMessageId: "<d1@a>")], ["t:m9"] },
        { "a new id but the draft's conversation", [Step("t", FollowUpStepKind.ThankYou, draftId: "d1", conversationId: "c1")], [Sent("m9", 2, ["x@y.nz"], conversationId: "c1")], ["t:m9"] },
        { "any mail to the person after the track started", [Step("t", FollowUpStepKind.ThankYou)], [Sent("m1", 3, ["sofia@tidewater.co.nz"])], ["t:m1"] },
        { "the person on Cc counts", [Step("t", FollowUpStepKind.ThankYou)], [Sent("m1", 3, ["a@b.nz", "sofia@tidewater.co.nz"])], ["t:m1"] },
        { "mail sent before the track started answers nothing", [Step("t", FollowUpStepKind.ThankYou)], [Sent("m1", -1, ["sofia@tidewater.co.nz"])], [] },
        { "mail to a different person completes nothing", [Step("t", FollowUpStepKind.ThankYou)], [Sent("m1", 3, ["mere@parata.nz"])], [] },
        { "a one-to-one needs a meeting, not a mail", [Step("o", FollowUpStepKind.OneToOne, dueDays: 30)], [Sent("m1", 3, ["sofia@tidewater.co.nz"])], [] },
        { "connect by mail only when their channel is email", [Step("c", FollowUpStepKind.Connect, channel: "LinkedIn", dueDays: 7)], [Sent("m1", 3, ["sofia@tidewater.co.nz"])], [] },
        { "connect completes when their channel is email", [Step("c", FollowUpStepKind.Connect, channel: "Email", dueDays: 7)], [Sent("m1", 3, ["sofia@tidewater.co.nz"])], ["c:m1"] },
        { "one mail completes one step per person: the earliest due", [Step("c", FollowUpStepKind.Connect, channel: "email", dueDays: 7), Step("t", FollowUpStepKind.ThankYou)],
            [Sent("m1", 3, ["sofia@tidewater.co.nz"])], ["t:m1"] },
        { "a second mail completes the next step", [Step("c", FollowUpStepKind.Connect, channel: "email", dueDays: 7), Step("t", FollowUpStepKind.ThankYou)],
            [Sent("m2", 30, ["sofia@tidewater.co.nz"]), Sent("m1", 3, ["sofia@tidewater.co.nz"])], ["t:m1", "c:m2"] },
        { "the same message twice (a replayed page) completes once", [Step("t", FollowUpStepKind.ThankYou, draftId: "d1")], [Sent("d1", 2, ["s@t.nz"]), Sent("d1", 2, ["s@t.nz"])], ["t:d1"] },
        { "one mail to two people completes each one's step", [Step("t1", FollowUpStepKind.ThankYou), Step("t2", FollowUpStepKind.ThankYou, key: "mere@parata.nz")],
            [Sent("m1", 3, ["sofia@tidewater.co.nz", "mere@parata.nz"])], ["t1:m1", "t2:m1"] },
        { "the draft of one person's step does not also complete the step of a person it was sent to", [Step("t", FollowUpStepKind.ThankYou, draftId: "d1"), Step("t2", FollowUpStepKind.ThankYou, key: "mere@parata.nz")],
            [Sent("d1", 2, ["sofia@tidewater.co.nz", "mere@parata.nz"])], ["t:d1"] },
        { "no open steps: nothing", [], [Sent("m1", 3, ["sofia@tidewater.co.nz"])], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sent_mail_completes_the_steps_it_answers(string because, OpenStepFacts[] steps, SentMessageFacts[] sent, string[] expected)
    {
        var completions = MatchSentEvidence.Run(sent, steps);

        Assert.True(expected.SequenceEqual(completions.Select(c => $"{c.StepId}:{c.EvidenceId}")), $"{because}: got {string.Join(", ", completions.Select(c => $"{c.StepId}:{c.EvidenceId}"))}");
        Assert.All(completions, c => Assert.Equal(CompletedVia.Sent, c.Via));
        Assert.All(completions, c => Assert.Equal(sent.First(m => m.Id == c.EvidenceId).SentAt, c.At));
    }
}
