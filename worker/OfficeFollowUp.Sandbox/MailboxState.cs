namespace OfficeFollowUp.Sandbox;

/// <summary>
/// What the parts of one sandbox mailbox (contacts, calendar, messages) share. One lock guards all of them: the HTTP
/// layer takes snapshots under it and writes JSON outside it. One change sequence numbers every change of every part,
/// so change keys never repeat and a delta round is a window (From, End] of it.
/// </summary>
internal sealed class MailboxState(TimeProvider time, SandboxFaults faults)
{
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
    public SandboxIds Ids { get; } = new(20240917);

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
