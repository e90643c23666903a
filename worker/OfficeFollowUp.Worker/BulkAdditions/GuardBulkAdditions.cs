namespace OfficeFollowUp.BulkAdditions;

/// <summary>
/// News is whom the user met, not what they imported (DESIGN.md rule 10): more than the limit of new people at once
/// is a bulk addition and starts nothing until the user picks. What "at once" counts is every person held from the
/// folders whose rounds just finished, so a bulk from one folder is caught as surely as one spread over several.
/// </summary>
public static class GuardBulkAdditions
{
    public static bool IsBulk(IReadOnlyCollection<NewsCandidate> held, int limit)
    {
        ArgumentNullException.ThrowIfNull(held);
        return held.Count > limit;
    }
}
