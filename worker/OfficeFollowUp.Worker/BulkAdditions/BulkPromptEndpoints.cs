using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.Calendar;

namespace OfficeFollowUp.BulkAdditions;

public sealed record BulkPersonDto(string Email, string DisplayName, string? CompanyName);

public sealed record BulkPromptDto(string Id, DateTimeOffset FoundAt, int Count, IReadOnlyList<BulkPersonDto> People);

/// <summary>The pane's side of bulk additions: the prompts waiting, following up the people picked, dismissing the rest.</summary>
public static class BulkPromptEndpoints
{
    public static RouteGroupBuilder MapBulkPrompts(this RouteGroupBuilder api)
    {
        api.MapGet("/bulk-prompts", ListAsync).WithVersionETag().WhenNotConnected(() => TypedResults.Ok(ItemsDto<BulkPromptDto>.Empty));
        api.MapPost("/bulk-prompts/{promptId}/follow-up", FollowUpAsync).WhenNotConnected(NoSuchPrompt);
        api.MapPost("/bulk-prompts/{promptId}/dismiss", DismissAsync).WhenNotConnected(NoSuchPrompt);
        return api;
    }

    private static async Task<Ok<ItemsDto<BulkPromptDto>>> ListAsync(ConnectedMailbox mailbox, Store.NewsStore news, CancellationToken ct)
    {
        var prompts = await news.ListOpenBulkPromptsAsync(mailbox.Id, ct);
        return TypedResults.Ok(new ItemsDto<BulkPromptDto>([.. prompts.Select(p => new BulkPromptDto(
            p.Id, TimeZoneInfo.ConvertTime(p.FoundAt, mailbox.Zone), p.People.Count,
            [.. p.People.Select(c => new BulkPersonDto(c.Email, c.DisplayName, c.CompanyName))]))]));
    }

    private static async Task<Results<Ok<StartedDto>, ValidationProblem, ProblemHttpResult>> FollowUpAsync(
        string promptId, FollowUpBulkRequest request, ConnectedMailbox mailbox, StartFollowUpsFromBulk startFollowUps, CancellationToken ct)
    {
        var answer = await startFollowUps.RunAsync(mailbox.Profile, promptId, [.. request.Emails!.Select(e => e!.Trim())], ct);
        return answer switch
        {
            BulkAnswer.Answered answered => TypedResults.Ok(new StartedDto(answered.Started)),
            BulkAnswer.NotInPrompt notIn => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [$"emails[{notIn.Index}]"] = ["Not one of the people this bulk addition brought."],
            }),
            BulkAnswer.NoSuchPrompt => NoSuchPrompt(),
            _ => throw new InvalidOperationException($"Unknown answer {answer}."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DismissAsync(string promptId, ConnectedMailbox mailbox, StartFollowUpsFromBulk startFollowUps, CancellationToken ct) =>
        await startFollowUps.RunAsync(mailbox.Profile, promptId, [], ct) is BulkAnswer.NoSuchPrompt ? NoSuchPrompt() : TypedResults.NoContent();

    private static ProblemHttpResult NoSuchPrompt() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such bulk addition", detail: "It was answered already, or never existed.");
}
