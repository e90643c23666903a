namespace OfficeFollowUp.FollowUps;

/// <summary>
/// Decides which contacts that appeared after the baseline are people to follow up with.
/// Pure: the caller passes what the store already knows.
/// </summary>
public static class DetectNewAcquaintances
{
    /// <param name="candidates">Contacts first seen in an incremental round (never the baseline).</param>
    /// <param name="knownEmailKeys">Email keys the mailbox already knows (baseline contacts, earlier acquaintances).</param>
    /// <param name="observedAt">When the sync saw them; used when Graph gives no creation time.</param>
    public static Detection Run(
        IEnumerable<ContactFacts> candidates,
        MailboxProfile profile,
        IReadOnlySet<string> knownEmailKeys,
        IReadOnlyCollection<string> groupLocalParts,
        DateTimeOffset observedAt)
    {
        var own = profile.OwnAddresses.Select(EmailAddresses.Key).ToHashSet(StringComparer.Ordinal);
        var groups = groupLocalParts.Select(p => p.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<NewAcquaintance>();
        var skipped = new List<SkippedContact>();

        foreach (var contact in candidates)
        {
            var emails = contact.Emails.Where(EmailAddresses.LooksValid).Select(e => e.Trim()).ToList();
            if (emails.Count == 0)
            {
                var reason = contact.Emails.Any(e => !string.IsNullOrWhiteSpace(e)) ? SkipReason.UnusableAddress : SkipReason.NoEmailAddress;
                skipped.Add(new SkippedContact(contact.Id, reason));
                continue;
            }

            var keys = emails.Select(EmailAddresses.Key).ToList();
            if (keys.Any(own.Contains))
            {
                skipped.Add(new SkippedContact(contact.Id, SkipReason.OwnAddress));
                continue;
            }

            var personal = emails.Where(e => !groups.Contains(EmailAddresses.LocalPart(e))).ToList();
            if (personal.Count == 0)
            {
                skipped.Add(new SkippedContact(contact.Id, SkipReason.GroupAddress));
                continue;
            }

            if (keys.Any(knownEmailKeys.Contains))
            {
                skipped.Add(new SkippedContact(contact.Id, SkipReason.AlreadyKnown));
                continue;
            }

            if (keys.Any(claimed.Contains))
            {
                skipped.Add(new SkippedContact(contact.Id, SkipReason.DuplicateInBatch));
                continue;
            }

            claimed.UnionWith(keys);
            var primary = personal[0];
            found.Add(new NewAcquaintance(
                contact.Id,
                primary,
                string.IsNullOrWhiteSpace(contact.DisplayName) ? primary : contact.DisplayName.Trim(),
                string.IsNullOrWhiteSpace(contact.GivenName) ? null : contact.GivenName.Trim(),
                string.IsNullOrWhiteSpace(contact.CompanyName) ? null : contact.CompanyName.Trim(),
                contact.CreatedAt is { } created && created <= observedAt ? created : observedAt,
                emails.Where(e => !string.Equals(e, primary, StringComparison.Ordinal)).ToList()));
        }

        return new Detection(found, skipped);
    }
}
