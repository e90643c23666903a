using Microsoft.AspNetCore.Http.HttpResults;
using OfficeFollowUp.Api;
using OfficeFollowUp.FollowUps;
using OfficeFollowUp.Sandbox;
using OfficeFollowUp.Store;

namespace OfficeFollowUp.Hosting;

/// <summary>The sandbox mailbox the worker started, when it runs against one; null with a real tenant.</summary>
public sealed class SandboxDemo
{
    public SandboxMailbox? Mailbox { get; set; }
}

/// <param name="Email">Whose draft to send; the oldest draft when absent.</param>
public sealed record DemoSendDraftRequest(string? Email);

/// <param name="Email">Whom the user just met for coffee.</param>
public sealed record DemoMeetingRequest(string? Email);

public sealed record DemoSentDto(string Id, IReadOnlyList<string> To, DateTimeOffset SentAt);

public sealed record DemoMeetingDto(string EventId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Sandbox only (404 with a real tenant): plays the user in Outlook for the README demo and the browser test — sending a
/// draft the product prepared, after a small edit as a user would make, and having had a coffee with someone just now.
/// The worker itself still only reads what happened, as it would in a real mailbox.
/// </summary>
public static class SandboxDemoEndpoints
{
    public static RouteGroupBuilder MapSandboxDemo(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sandbox/demo");
        group.MapPost("/send-draft", SendDraft);
        group.MapPost("/book-meeting", BookMeetingAsync);
        return api;
    }

    private static Results<Ok<DemoSentDto>, ValidationProblem, ProblemHttpResult> SendDraft(DemoSendDraftRequest? request, SandboxDemo demo)
    {
        if (demo.Mailbox is not { } mailbox)
        {
            return NotSandbox();
        }

        var email = request?.Email?.Trim();
        var draft = mailbox.Drafts
            .Where(d => email is null || d.ToRecipients.Any(r => string.Equals(r.Address, email, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(d => d.CreatedDateTime)
            .FirstOrDefault();
        if (draft is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [email is null ? "There is no draft to send." : "There is no draft to that address."] });
        }

        mailbox.EditDraft(draft.Id, d => d with { BodyContent = d.BodyContent + "<p>PS: it was great to meet you.</p>" });
        var sent = mailbox.SendDraft(draft.Id);
        return TypedResults.Ok(new DemoSentDto(sent.Id, [.. sent.ToRecipients.Select(r => r.Address)], sent.SentDateTime ?? sent.LastModifiedDateTime));
    }

    private static async Task<Results<Ok<DemoMeetingDto>, ValidationProblem, ProblemHttpResult>> BookMeetingAsync(
        DemoMeetingRequest? request, SandboxDemo demo, ConnectedMailbox connected, PeopleStore people, TimeProvider time, CancellationToken ct)
    {
        if (demo.Mailbox is not { } mailbox)
        {
            return NotSandbox();
        }

        if (!EmailAddresses.LooksValid(request?.Email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Say whom the meeting was with (an email address)."] });
        }

        var person = await people.GetAsync(connected.Id, request!.Email!, ct);
        var now = time.GetUtcNow();
        // A coffee that has just ended, begun after they were met: up to half an hour long.
        var start = person?.MetAt is { } met && met.AddSeconds(1) > now.AddMinutes(-30) ? met.AddSeconds(1) : now.AddMinutes(-30);
        var end = now;
        var id = mailbox.BookMeeting(new SandboxRecipient(person?.DisplayName, request.Email!.Trim()), start, end, "Coffee");
        return TypedResults.Ok(new DemoMeetingDto(id, start, end));
    }

    private static ProblemHttpResult NotSandbox() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not the sandbox", detail: "The demo plays the user only in the sandbox mailbox.");
}
