namespace OfficeFollowUp.Tests.Calendar;

/// <summary>
/// Whom from an invitation the pane offers for follow-up. Alex works at morgan-consulting.co.nz and
/// also uses alex.morgan@gmail.com; the store already knows sam@bakery.co.nz.
/// </summary>
public class FilterAttendeesTests
{
    private static readonly MailboxProfile Alex = new("mbx", "Alex Morgan", "Alex", ["alex@morgan-consulting.co.nz"], "Pacific/Auckland");
    private static readonly MailboxProfile AlexWithAlias = Alex with { OwnAddresses = ["alex@morgan-consulting.co.nz", "Alex.Morgan@gmail.com"] };
    private static readonly IReadOnlySet<string> Known = new HashSet<string> { "sam@bakery.co.nz" };
    private static readonly FollowUpOptions FollowUps = new();

    /// <summary>Why, the attendee's address and name on the invitation, and how they are offered (null: not at all).</summary>
    public static TheoryData<string, string, string?, string?, string?, bool> Attendees => new()
    {
        { "someone new is offered by their name", "priya@harbourlaw.co.nz", "Priya Raman", "priya@harbourlaw.co.nz", "Priya Raman", false },
        { "someone the store knows is offered as known", "sam@bakery.co.nz", "Sam", "sam@bakery.co.nz", "Sam", true },
        { "known is matched in any case, and the address is kept as written", "Sam@Bakery.co.nz", "Sam", "Sam@Bakery.co.nz", "Sam", true },
        { "a missing name shows the address", "hemi@wharf.co.nz", null, "hemi@wharf.co.nz", "hemi@wharf.co.nz", false },
        { "a blank name shows the address", "hemi@wharf.co.nz", "  ", "hemi@wharf.co.nz", "hemi@wharf.co.nz", false },
        { "name and address are trimmed", "  hemi@wharf.co.nz ", " Hemi Walker ", "hemi@wharf.co.nz", "Hemi Walker", false },
        { "the user is not offered", "alex@morgan-consulting.co.nz", "Alex Morgan", null, null, false },
        { "the user in other case is not offered", "ALEX@Morgan-Consulting.co.nz", "Alex", null, null, false },
        { "the user's other address is not offered", "alex.morgan@gmail.com", "Alex", null, null, false },
        { "a colleague (same domain) is not offered", "jo@morgan-consulting.co.nz", "Jo", null, null, false },
        { "a colleague's domain in other case is the same domain", "jo@MORGAN-consulting.co.nz", "Jo", null, null, false },
        { "a subdomain of the user's domain is someone else", "jo@nz.morgan-consulting.co.nz", "Jo", "jo@nz.morgan-consulting.co.nz", "Jo", false },
        { "another gmail user is not a colleague of a gmail user", "kim.lee@gmail.com", "Kim Lee", "kim.lee@gmail.com", "Kim Lee", false },
        { "a no-reply mailbox is not offered", "noreply@chamber.org.nz", "Chamber events", null, null, false },
        { "a group mailbox in other case is not offered", "Info@harbourlaw.co.nz", "Harbour Law", null, null, false },
        { "an events mailbox is not offered", "events@chamber.org.nz", "Events", null, null, false },
        { "a person whose address only starts like a group is offered", "info.desk@harbourlaw.co.nz", "Front desk", "info.desk@harbourlaw.co.nz", "Front desk", false },
        { "a group name at the domain is not a group mailbox", "jo@info.co.nz", "Jo", "jo@info.co.nz", "Jo", false },
        { "something that is not an address is not offered", "Priya Raman", "Priya Raman", null, null, false },
        { "markup posing as an address is not offered", "<script>@x.com", "x", null, null, false },
        { "an empty address is not offered", "", "Nobody", null, null, false },
        { "a room or resource without a domain is not offered", "boardroom@", "Boardroom", null, null, false },
    };

    [Theory]
    [MemberData(nameof(Attendees))]
    public void Who_from_the_invitation_is_offered(string because, string email, string? name, string? offeredEmail, string? offeredName, bool known)
    {
        var candidates = FilterAttendees.Run(Mixer(new EventAttendee(email, name)), AlexWithAlias, Known, FollowUps.GroupLocalParts, includeColleagues: false);

        var expected = offeredEmail is null ? Array.Empty<AttendeeCandidate>() : [new AttendeeCandidate(offeredEmail, offeredName!, known)];
        Assert.True(expected.SequenceEqual(candidates), $"{because}: got [{string.Join(", ", candidates)}]");
    }

    /// <summary>Why, the attendee's address, and whether they are offered when the user asked for colleagues too.</summary>
    public static TheoryData<string, string, bool> WithColleagues => new()
    {
        { "a colleague is offered", "jo@morgan-consulting.co.nz", true },
        { "the user is still not offered", "alex@morgan-consulting.co.nz", false },
        { "the user's other address is still not offered", "alex.morgan@gmail.com", false },
        { "a colleague's group mailbox is still not offered", "office@morgan-consulting.co.nz", false },
    };

    [Theory]
    [MemberData(nameof(WithColleagues))]
    public void Asking_for_colleagues_offers_only_colleagues_more(string because, string email, bool offered)
    {
        var candidates = FilterAttendees.Run(Mixer(new EventAttendee(email, "Someone")), AlexWithAlias, Known, FollowUps.GroupLocalParts, includeColleagues: true);

        Assert.True(candidates.Count == (offered ? 1 : 0), because);
    }

    private static CalendarEventFacts Mixer(params EventAttendee[] attendees) =>
        new("e1", null, "Chamber mixer", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(2), false, "busy", ["Networking"], attendees, false);

    [Fact]
    public void The_user_colleagues_group_addresses_and_repeats_are_not_offered()
    {
        var candidates = FilterAttendees.Run(Mixer(
            new EventAttendee("alex@morgan-consulting.co.nz", "Alex Morgan"),
            new EventAttendee("jo@morgan-consulting.co.nz", "Jo (colleague)"),
            new EventAttendee("noreply@chamber.org.nz", "Chamber events"),
            new EventAttendee("events@chamber.org.nz", "Events"),
            new EventAttendee("priya@harbourlaw.co.nz", "Priya Raman"),
            new EventAttendee("PRIYA@harbourlaw.co.nz", "Priya again"),
            new EventAttendee("sam@bakery.co.nz", null)), Alex, new HashSet<string> { "sam@bakery.co.nz" }, [.. FollowUps.GroupLocalParts, "events"], includeColleagues: false);

        Assert.Equal(
            [new AttendeeCandidate("priya@harbourlaw.co.nz", "Priya Raman", false), new AttendeeCandidate("sam@bakery.co.nz", "sam@bakery.co.nz", true)],
            candidates);
    }

    [Fact]
    public void Colleagues_are_offered_when_configured()
    {
        var candidates = FilterAttendees.Run(Mixer(new EventAttendee("jo@morgan-consulting.co.nz", "Jo")), Alex, new HashSet<string>(), FollowUps.GroupLocalParts, includeColleagues: true);

        Assert.Single(candidates);
    }

    [Fact]
    public void A_user_on_a_free_mail_domain_does_not_treat_everyone_there_as_a_colleague()
    {
        var gmailUser = Alex with { OwnAddresses = ["alex.morgan@gmail.com"] };

        var candidates = FilterAttendees.Run(Mixer(new EventAttendee("kim.lee@gmail.com", "Kim Lee")), gmailUser, new HashSet<string>(), FollowUps.GroupLocalParts, includeColleagues: false);

        Assert.Equal("kim.lee@gmail.com", Assert.Single(candidates).Email);
    }
}
