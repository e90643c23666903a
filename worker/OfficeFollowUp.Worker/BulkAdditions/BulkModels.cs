namespace OfficeFollowUp.BulkAdditions;

/// <summary>A new person a contacts round found, held until the round ends (or, in a bulk, until the user picks).</summary>
public sealed record NewsCandidate(
    string EmailKey, string Email, string DisplayName, string? GivenName, string? CompanyName, string ContactId, string FolderId, DateTimeOffset MetAt);

/// <summary>"You added 412 contacts at once — whom will you follow up with?": the people still waiting for an answer.</summary>
public sealed record BulkPrompt(string Id, DateTimeOffset FoundAt, IReadOnlyList<NewsCandidate> People);
