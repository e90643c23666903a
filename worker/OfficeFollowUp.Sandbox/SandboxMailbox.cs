namespace OfficeFollowUp.Sandbox;

/// <summary>
/// One sandbox mailbox, in memory: the user and their mailbox settings, the faults to inject and the log of requests
/// served, over three parts that each keep their own store — <see cref="Contacts"/> (contact folders and contacts),
/// <see cref="Calendar"/> (events, calendarView delta, getSchedule's free/busy) and <see cref="Messages"/> (drafts
/// and mail). This class is what tests, the worker's hosting, benchmarks and drills use to seed and inspect it.
/// </summary>
public sealed class SandboxMailbox
{
    private readonly MailboxState _state;

    public SandboxMailbox(TimeProvider time)
        : this(time, MailboxState.SampleIdSeed, null)
    {
    }

    /// <summary>
    /// A mailbox of someone else in the same tenant: its own user (id drawn from <paramref name="idSeed"/>, so every
    /// mailbox of a tenant has its own ids) with the given name and address as mail and user principal name.
    /// </summary>
    public SandboxMailbox(TimeProvider time, string displayName, string userPrincipalName, int idSeed)
        : this(time, idSeed, (displayName, userPrincipalName))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(userPrincipalName);
    }

    private SandboxMailbox(TimeProvider time, int idSeed, (string DisplayName, string Upn)? person)
    {
        ArgumentNullException.ThrowIfNull(time);
        _state = new MailboxState(time, Faults, idSeed);
        var ids = _state.Ids;
        if (person is { } p)
        {
            var names = p.DisplayName.Split(' ', 2);
            User = new SandboxUser(
                ids.NextGuid(), p.DisplayName, names[0], names.Length > 1 ? names[1] : string.Empty, p.Upn, p.Upn, "en-NZ", [$"SMTP:{p.Upn}"]);
        }
        else
        {
            User = new SandboxUser(
                ids.NextGuid(),
                "Alex Morgan",
                "Alex",
                "Morgan",
                "alex@harbourlightadvisory.co.nz",
                "alex@harbourlightadvisory.co.nz",
                "en-NZ",
                ["SMTP:alex@harbourlightadvisory.co.nz", "smtp:alex.morgan@harbourlightadvisory.co.nz"]);
        }

        // Drawn in this order since the first sandbox, so the sample data keeps its ids.
        var contactsFolderId = ids.Next(1);
        var draftsFolderId = ids.Next(2);
        Contacts = new SandboxContacts(_state, new SandboxContactFolder(contactsFolderId, "Contacts", ids.Next(3)));
        Messages = new SandboxMessages(_state, draftsFolderId, User.Mail);
        Calendar = new SandboxCalendar(_state);
    }

    public static SandboxMailbox WithSampleData(TimeProvider time)
    {
        var mailbox = new SandboxMailbox(time);
        SandboxSampleData.Populate(mailbox);
        SandboxSampleCalendar.Populate(mailbox);
        SandboxSampleMessages.Populate(mailbox);
        return mailbox;
    }

    public SandboxFaults Faults { get; } = new();

    public SandboxRequestLog Requests { get; } = new();

    public SandboxUser User { get; private set; }

    /// <summary>The user's language ("en-NZ", "de-DE"): <c>/me</c>'s preferredLanguage and mailboxSettings' language.locale.</summary>
    public string Language
    {
        get => User.PreferredLanguage;
        set
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            User = User with { PreferredLanguage = value };
        }
    }

    /// <summary>
    /// Answer as Graph answers a caller with an app-only token (application permissions): there is no
    /// signed-in user, so <c>/me</c> is refused with 400 and only <c>/users/{id or upn}</c> reaches the mailbox.
    /// </summary>
    public bool ApplicationPermissions { get; set; }

    /// <summary>Windows time zone name returned by <c>/me/mailboxSettings</c>.</summary>
    public string TimeZone
    {
        get => _state.TimeZone;
        set => _state.TimeZone = value;
    }

    public SandboxWorkingHours WorkingHours
    {
        get => _state.WorkingHours;
        set => _state.WorkingHours = value;
    }

    internal DateTimeOffset Now => _state.Now;

    internal MailboxState State => _state;

    internal SandboxContacts Contacts { get; }

    internal SandboxCalendar Calendar { get; }

    internal SandboxMessages Messages { get; }

    // Contacts

    public string DefaultContactFolderId => Contacts.DefaultFolderId;

    /// <summary>Every contact folder, the default "Contacts" folder first.</summary>
    public IReadOnlyList<SandboxContactFolder> ContactFolders => Contacts.Folders;

    /// <summary>True once every contact folder has had a delta round finished (a deltaLink served).</summary>
    public bool BaselineServed => Contacts.BaselineServed;

    public int ContactCount(string? folderId = null) => Contacts.Count(folderId);

    /// <summary>Adds a child folder under the default Contacts folder and returns its id.</summary>
    public string AddContactFolder(string displayName) => Contacts.AddFolder(displayName);

    public string AddContact(SandboxContactSeed seed, string? folderId = null) => Contacts.Add(seed, folderId, createdAt: null);

    public void UpdateContact(string id, Func<SandboxContactSeed, SandboxContactSeed> change) => Contacts.Update(id, change);

    public void DeleteContact(string id) => Contacts.Delete(id);

    /// <summary>Ids of the live contacts of a folder (default folder when null), in creation order.</summary>
    public IReadOnlyList<string> ContactIds(string? folderId = null) => Contacts.Ids(folderId);

    public SandboxContactSeed? FindContact(string id) => Contacts.Get(id, folderId: null)?.Data;

    /// <summary>Adds <paramref name="count"/> generated people to the default folder (benchmarks: 10k, 50k).</summary>
    public void SeedContacts(int count, int randomSeed = 1) => Contacts.Seed(count, randomSeed);

    // Calendar

    /// <summary>Id of the default calendar, for <c>/me/calendars/{id}/events</c>.</summary>
    public string DefaultCalendarId => Calendar.DefaultCalendarId;

    /// <summary>Every stored event (series masters, single instances, exceptions) in creation order.</summary>
    public IReadOnlyList<SandboxEvent> Events => Calendar.Events;

    /// <summary>
    /// Every event ever created through <c>POST /me/events</c> (the worker's holds) in creation order, as last stored,
    /// deleted ones included (<see cref="FindEvent"/> tells whether one still exists), so a test can prove that a hold
    /// the user deleted was not created again. A POST answered from its transactionId adds nothing.
    /// </summary>
    public IReadOnlyList<SandboxEvent> CreatedEvents => Calendar.CreatedEvents;

    /// <summary>
    /// Meeting invitations Graph sent: one per attendee of an event created or patched through the API with
    /// attendees. The product must never send one, so for the worker this stays 0.
    /// </summary>
    public int InvitationsSent => Calendar.InvitationsSent;

    /// <summary>Adds an event the user already has (a series master when the seed has a recurrence) and returns its id.</summary>
    public string AddEvent(SandboxEventSeed seed) => Calendar.Add(seed, createdAt: null);

    /// <summary>
    /// The user edits an event in Outlook. An occurrence id (series id + "_" + yyyyMMdd) turns that occurrence into an
    /// exception of its series, as editing one occurrence does.
    /// </summary>
    public void UpdateEvent(string id, Func<SandboxEventSeed, SandboxEventSeed> change) => Calendar.Update(id, change);

    /// <summary>The user deletes an event; deleting an occurrence or exception cancels that one date of its series.</summary>
    public void DeleteEvent(string id)
    {
        if (!Calendar.Delete(id))
        {
            throw new KeyNotFoundException($"No event with id {id}.");
        }
    }

    public SandboxEvent? FindEvent(string id) => Calendar.Find(id);

    /// <summary>Adds <paramref name="count"/> generated events (about one in 25 a weekly series) around now, for benchmarks.</summary>
    public void SeedEvents(int count, int randomSeed = 1) => Calendar.Seed(count, randomSeed);

    // Messages

    public string DraftsFolderId => Messages.DraftsFolderId;

    public IReadOnlyList<SandboxMessage> Drafts => Messages.Drafts;

    public IReadOnlyList<SandboxMessage> Mail => Messages.Mail;

    /// <summary>Simulates the user editing a draft in Outlook (new change key and modified time).</summary>
    public void EditDraft(string id, Func<SandboxMessage, SandboxMessage> change) => Messages.EditDraft(id, change);

    public string AddMail(SandboxMailSeed seed) => Messages.AddMail(seed);

    /// <summary>
    /// The user sends a draft in Outlook: it moves to Sent Items (isDraft false, sentDateTime set, same immutable id).
    /// With <paramref name="keepTag"/> false the sent copy loses its extended properties.
    /// With <paramref name="keepId"/> false it also gets a new id, as it would without immutable ids.
    /// </summary>
    public SandboxMessage SendDraft(string id, bool keepTag = true, bool keepId = true) => Messages.SendDraft(id, keepTag, keepId);

    /// <summary>The user writes a new mail in Outlook and sends it: it appears in Sent Items only.</summary>
    public SandboxMessage SendMail(
        IReadOnlyList<SandboxRecipient> to, string subject, string textBody, IReadOnlyList<SandboxRecipient>? cc = null) =>
        Messages.SendNewMail(to, subject, textBody, cc);

    /// <summary>
    /// The user meets a person: an event on the calendar with them as an attendee, organised by the user (the person
    /// accepted) or, with <paramref name="organisedByUser"/> false, their invitation the user accepted.
    /// Returns the event's id.
    /// </summary>
    public string BookMeeting(
        SandboxRecipient person, DateTimeOffset start, DateTimeOffset end, string subject = "Coffee", bool organisedByUser = true)
    {
        ArgumentNullException.ThrowIfNull(person);
        var me = new SandboxAttendee(User.DisplayName, User.Mail);
        var them = new SandboxAttendee(person.Name, person.Address);
        var seed = organisedByUser
            ? new SandboxEventSeed(subject, start, end, [them with { Response = "accepted" }])
            : new SandboxEventSeed(subject, start, end, [them with { Response = "none" }, me with { Response = "accepted" }])
            {
                IsOrganizer = false,
                Organizer = them,
            };
        return Calendar.Add(seed, createdAt: null);
    }
}
