using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Graph.Models.ODataErrors;
using OfficeFollowUp.Api;

namespace OfficeFollowUp.Drafts;

/// <summary>The pane's preview of a prepared draft (a step's, a referral's, a birthday's), read from the mailbox.</summary>
public static class DraftPreviewEndpoints
{
    public static RouteGroupBuilder MapDraftPreview(this RouteGroupBuilder api)
    {
        api.MapGet("/followups/{id}/draft", GetAsync);
        api.MapGet("/referrals/{id}/drafts/{draftId}", GetReferralDraftAsync);
        api.MapGet("/birthdays/{id}/draft", GetBirthdayDraftAsync);
        return api;
    }

    private static Task<Results<Ok<PreparedDraftDto>, ProblemHttpResult>> GetReferralDraftAsync(
        string id, string draftId, ConnectedMailbox mailbox, ReadPreparedDraft read, CancellationToken ct) =>
        AnswerAsync(() => read.ReadReferralAsync(mailbox.Id, id, draftId, ct), "No such referral");

    private static Task<Results<Ok<PreparedDraftDto>, ProblemHttpResult>> GetBirthdayDraftAsync(
        string id, ConnectedMailbox mailbox, ReadPreparedDraft read, CancellationToken ct) =>
        AnswerAsync(() => read.ReadBirthdayAsync(mailbox.Id, id, ct), "No such birthday draft");

    private static Task<Results<Ok<PreparedDraftDto>, ProblemHttpResult>> GetAsync(
        string id, ConnectedMailbox mailbox, ReadPreparedDraft read, CancellationToken ct) =>
        AnswerAsync(() => read.ReadAsync(mailbox.Id, id, ct), "No such follow-up");

    private static async Task<Results<Ok<PreparedDraftDto>, ProblemHttpResult>> AnswerAsync(
        Func<Task<(PreparedDraftDto? Draft, NoDraft Why)>> read, string noSuchItem)
    {
        try
        {
            var (draft, why) = await read();
            return draft is not null ? TypedResults.Ok(draft) : NotFound(why, noSuchItem);
        }
        catch (Exception e) when (e is ODataError or HttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The draft could not be read from the mailbox",
                detail: "Try again in a moment; the draft is still in your Drafts folder.");
        }
    }

    private static ProblemHttpResult NotFound(NoDraft why, string noSuchItem) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: why switch
    {
        NoDraft.NoSuchStep => noSuchItem,
        NoDraft.NotPrepared => "No draft has been prepared for this yet",
        NoDraft.Gone => "The draft is no longer in the mailbox; it was deleted",
        NoDraft.Sent => "The draft has been sent",
        _ => throw new ArgumentOutOfRangeException(nameof(why), why, "Unknown reason."),
    });
}
