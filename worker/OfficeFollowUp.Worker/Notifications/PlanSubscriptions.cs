namespace OfficeFollowUp.Notifications;

/// <summary>
/// Which subscriptions a mailbox's pass creates, renews, recreates or deletes, given what is stored and the clock. Pure:
/// the wanted resources (none when notifications are off), the stored rows, now and the timings in; steps out.
/// </summary>
public static class PlanSubscriptions
{
    /// <param name="wanted">Each kind the mailbox should have, with its Graph resource (<c>me/contacts</c>, <c>users/{id}/events</c>).</param>
    /// <param name="lifetime">How far ahead a created or renewed subscription expires (under Graph's maximum for the resource).</param>
    /// <param name="renewBefore">A subscription that expires sooner than this is renewed.</param>
    public static IReadOnlyList<SubscriptionStep> Plan(
        IReadOnlyDictionary<SubscriptionKind, string> wanted,
        IReadOnlyList<StoredSubscription> stored,
        DateTimeOffset now,
        TimeSpan lifetime,
        TimeSpan renewBefore)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(stored);
        var steps = new List<SubscriptionStep>();
        foreach (var existing in stored.Where(s => !wanted.ContainsKey(s.Kind)))
        {
            steps.Add(new SubscriptionStep.Delete(existing.Kind, existing.SubscriptionId));
        }

        foreach (var (kind, resource) in wanted.OrderBy(w => w.Key))
        {
            var existing = stored.FirstOrDefault(s => s.Kind == kind);
            if (existing is null)
            {
                steps.Add(new SubscriptionStep.Create(kind));
            }
            else if (existing.ExpiresAt <= now || !string.Equals(existing.Resource, resource, StringComparison.OrdinalIgnoreCase))
            {
                steps.Add(new SubscriptionStep.Recreate(kind, existing.SubscriptionId));
            }
            else if (existing.RenewDue || existing.ExpiresAt - now <= renewBefore)
            {
                steps.Add(new SubscriptionStep.Renew(kind, existing.SubscriptionId, now + lifetime));
            }
        }

        return steps;
    }

    /// <summary>Whether every wanted kind has a live subscription: then the poll can fall back to the safety interval.</summary>
    public static bool Healthy(IReadOnlyDictionary<SubscriptionKind, string> wanted, IReadOnlyList<StoredSubscription> stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(stored);
        return wanted.Count > 0 && wanted.All(w => stored.Any(s =>
            s.Kind == w.Key && s.ExpiresAt > now && string.Equals(s.Resource, w.Value, StringComparison.OrdinalIgnoreCase)));
    }
}
