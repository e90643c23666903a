namespace OfficeFollowUp.Sandbox;

/// <summary>
/// What the parts of one sandbox mailbox (contacts, calendar, messages) share. One lock guards all of them: the HTTP
/// layer takes snapshots under it and writes JSON outside it. One change sequence numbers every change of every part,
/// so change keys never repeat and a delta round is a window (From, End] of it.
/// </summary>
internal sealed class MailboxState(TimeProvider time, SandboxFaults faults, int idSeed = MailboxState.SampleIdSeed)
{
    /// <summary>The id stream of the sample mailbox since the first sandbox, so its ids never change.</summary>
    public const int SampleIdSeed = 20240917;

    private readonly TimeProvider _time = time;
    private long _deltaPagesServed;
    private string _timeZone = "New Zealand Standard Time";
    private SandboxWorkingHours _workingHours = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(8, 30),
        new TimeOnly(17, 30));

    public Lock Gate { get; } = new();

    public SandboxFaults Faults { get; } = faults;

    /// <summary>Ids of the user, contact folders, contacts and mail; the calendar has a stream of its own.</summary>
    public SandboxIds Ids { get; } = new(idSeed);

    public int IdSeed { get; } = idSeed;

    public TimeProvider Time => _time;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The number of the latest change; read under <see cref="Gate"/>.</summary>
    public long Sequence { get; private set; }

    /// <summary>Windows time zone name of mailboxSettings; events made without a zone are in it.</summary>
    public string TimeZone
    {
        get { lock (Gate) { return _timeZone; } }
        set { ArgumentException.ThrowIfNullOrWhiteSpace(value); lock (Gate) { _timeZone = value; } }
    }

    public SandboxWorkingHours WorkingHours
    {
        get { lock (Gate) { return _workingHours; } }
        set { ArgumentNullException.ThrowIfNull(value); lock (Gate) { _workingHours = value; } }
    }

    /// <summary>
    /// Raised under <see cref="Gate"/> after every change of a contact, event or message, so change notifications
    /// see changes in the order the mailbox made them. A handler must only queue work: it runs inside the lock.
    /// </summary>
    public event Action<SandboxItemChange>? Changed;

    /// <summary>Reports a change; called under <see cref="Gate"/>.</summary>
    public void Report(SandboxItemKind kind, SandboxChangeType type, string id, string? folderId, string? changeKey) =>
        Changed?.Invoke(new SandboxItemChange(kind, type, id, folderId, changeKey));

    /// <summary>Numbers a new change; called under <see cref="Gate"/>.</summary>
    public long NextSequence() => ++Sequence;

    /// <summary>
    /// Counts a delta page of any resource as served (under <see cref="Gate"/>) and tells whether
    /// <see cref="SandboxFaults.EmptyPageEvery"/> makes it an empty one. <paramref name="issued"/> goes into the page's
    /// token, so every token is unique, as Graph's are.
    /// </summary>
    public bool ServeDeltaPage(out long issued)
    {
        issued = ++_deltaPagesServed;
        var emptyEvery = Faults.EmptyPageEvery;
        return emptyEvery > 0 && issued % emptyEvery == 0;
    }
}

internal enum SandboxItemKind
{
    Contact,
    Event,
    Message,
}

internal enum SandboxChangeType
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One change the mailbox made: what kind of item, which one, in which folder, and its new change key.</summary>
internal sealed record SandboxItemChange(SandboxItemKind Kind, SandboxChangeType Type, string Id, string? FolderId, string? ChangeKey);
