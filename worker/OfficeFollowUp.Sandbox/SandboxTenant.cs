using System.Globalization;

namespace OfficeFollowUp.Sandbox;

/// <summary>
/// An organisation of many mailboxes for one <see cref="SandboxServer"/>: each its own <see cref="SandboxMailbox"/>
/// (own user, ids, contacts, calendar, faults and request log), reached at <c>/users/{id or upn}/…</c> as an app with
/// application permissions reaches them; <c>/me</c> is refused. Mailboxes can be added while the server runs.
/// </summary>
public sealed class SandboxTenant
{
    /// <summary>The tenant id notifications of a single-mailbox sandbox carry.</summary>
    internal const string SampleTenantId = "7c1f3a52-6d4e-4b8a-9f21-3e5d8c0b4a17";

    private readonly Lock _gate = new();
    private readonly List<SandboxMailbox> _mailboxes = [];
    private readonly Dictionary<string, SandboxMailbox> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxMailbox> _byUpn = new(StringComparer.OrdinalIgnoreCase);

    public SandboxTenant(TimeProvider time, string domain = "harbourlightadvisory.co.nz", string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        Time = time;
        Domain = domain;
        TenantId = tenantId ?? "0f5c2b9e-3a71-4d68-b2c4-8e1a6f9d0c35";
    }

    public TimeProvider Time { get; }

    public string Domain { get; }

    /// <summary>The tenant id every change notification carries.</summary>
    public string TenantId { get; }

    /// <summary>Faults for requests that reach no one mailbox: <c>/subscriptions</c> (each mailbox has its own for its paths).</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>Requests that reach no one mailbox: <c>/subscriptions</c>, <c>/me</c> and unknown users.</summary>
    public SandboxRequestLog Requests { get; } = new();

    public int Count
    {
        get { lock (_gate) { return _mailboxes.Count; } }
    }

    public IReadOnlyList<SandboxMailbox> Mailboxes
    {
        get { lock (_gate) { return [.. _mailboxes]; } }
    }

    /// <summary>Raised under the mailbox's lock after each change of any mailbox (change notifications listen).</summary>
    internal event Action<SandboxMailbox, SandboxItemChange>? Changed;

    /// <summary>Adds an empty mailbox for a new user; its ids are its own (drawn from its position in the tenant).</summary>
    public SandboxMailbox AddMailbox(string displayName, string userPrincipalName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(userPrincipalName);
        lock (_gate)
        {
            if (_byUpn.ContainsKey(userPrincipalName))
            {
                throw new ArgumentException($"The tenant already has a mailbox for {userPrincipalName}.", nameof(userPrincipalName));
            }

            var mailbox = new SandboxMailbox(Time, displayName, userPrincipalName, idSeed: unchecked(MailboxState.SampleIdSeed + (7919 * (_mailboxes.Count + 1))))
            {
                ApplicationPermissions = true,
            };
            mailbox.State.Changed += change => Changed?.Invoke(mailbox, change);
            _mailboxes.Add(mailbox);
            _byId.Add(mailbox.User.Id, mailbox);
            _byUpn.Add(userPrincipalName, mailbox);
            return mailbox;
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> mailboxes (user0001@domain, …), each with <paramref name="contactsEach"/> generated
    /// contacts of its own (benchmarks: 1,000 × 200). Returns the mailboxes added.
    /// </summary>
    public IReadOnlyList<SandboxMailbox> SeedMailboxes(int count, int contactsEach, int randomSeed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(contactsEach);
        var added = new List<SandboxMailbox>(count);
        var first = Count;
        for (var i = 0; i < count; i++)
        {
            var number = (first + i + 1).ToString("D4", CultureInfo.InvariantCulture);
            var mailbox = AddMailbox($"User {number}", $"user{number}@{Domain}");
            mailbox.SeedContacts(contactsEach, randomSeed + first + i);
            added.Add(mailbox);
        }

        return added;
    }

    /// <summary>The mailbox of a user by id (case-sensitive) or user principal name (case-insensitive).</summary>
    public SandboxMailbox? Find(string idOrUpn)
    {
        ArgumentNullException.ThrowIfNull(idOrUpn);
        lock (_gate)
        {
            return _byId.TryGetValue(idOrUpn, out var byId) ? byId : _byUpn.GetValueOrDefault(idOrUpn);
        }
    }
}
