using OfficeFollowUp.FollowUps;

namespace OfficeFollowUp.Evidence;

/// <summary>
/// Which open steps the user's sent mail completes. A pure function: the page of sent messages and the open steps of
/// the people they went to in, completions out.
/// <list type="bullet">
/// <item>The product's own draft, sent (edited or not): found by its id (an immutable id survives the move to Sent
/// Items), else by the internet message id or conversation id recorded when the draft was made. It completes its step
/// whenever it was sent.</item>
/// <item>Any other mail to the person (To or Cc) sent after the track started completes the person's earliest-due open
/// step that mail answers: the thank-you, and the connect step when their preferred channel is email. A one-to-one
/// needs a meeting, not a mail.</item>
/// </list>
/// One message completes at most one step per person, and a step is completed once.
/// </summary>
public static class MatchSentEvidence
{
    public static IReadOnlyList<StepCompletion> Run(IReadOnlyList<SentMessageFacts> sent, IReadOnlyList<OpenStepFacts> openSteps)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(openSteps);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var completions = new List<StepCompletion>();

        foreach (var message in sent.OrderBy(m => m.SentAt).ThenBy(m => m.Id, StringComparer.Ordinal))
        {
            var draftStep = openSteps.FirstOrDefault(s => !done.Contains(s.StepId) && IsItsDraft(s, message));
            if (draftStep is not null)
            {
                Complete(draftStep, message);
                continue;
            }

            foreach (var key in message.RecipientKeys.Distinct(StringComparer.Ordinal))
            {
                var step = openSteps
                    .Where(s => !done.Contains(s.StepId) && s.EmailKey == key && s.StartedAt <= message.SentAt && AnsweredByMail(s))
                    .OrderBy(s => s.DueAt)
                    .ThenBy(s => s.Kind)
                    .FirstOrDefault();
                if (step is not null)
                {
                    Complete(step, message);
                }
            }
        }

        return completions;

        void Complete(OpenStepFacts step, SentMessageFacts message)
        {
            done.Add(step.StepId);
            completions.Add(new StepCompletion(step.StepId, CompletedVia.Sent, message.Id, message.SentAt));
        }
    }

    private static bool IsItsDraft(OpenStepFacts step, SentMessageFacts message) =>
        (step.DraftId is not null && step.DraftId == message.Id)
        || (step.DraftInternetMessageId is not null && step.DraftInternetMessageId == message.InternetMessageId)
        || (step.DraftConversationId is not null && step.DraftConversationId == message.ConversationId);

    private static bool AnsweredByMail(OpenStepFacts step) => step.Kind switch
    {
        FollowUpStepKind.ThankYou => true,
        FollowUpStepKind.Connect => string.Equals(step.PreferredChannel, "email", StringComparison.OrdinalIgnoreCase),
        FollowUpStepKind.OneToOne => false,
        _ => false,
    };
}
