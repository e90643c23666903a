namespace OfficeFollowUp.Tests.FollowUps;

public class DetectNewAcquaintancesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static readonly MailboxProfile Alex = new(
        "mbx-1", "Alex Morgan", "Alex", ["alex@morgan-consulting.co.nz", "Alex.Morgan@outlook.com"], "New Zealand Standard Time");

    private static readonly FollowUpOptions Options = new();

    private static Detection Detect(IEnumerable<ContactFacts> candidates, params string[] known) =>
        DetectNewAcquaintances.Run(candidates, Alex, known.ToHashSet(), Options.GroupLocalParts, Now);

    private static ContactFacts Contact(string id, string name, params string[] emails) =>
        new(id, name, name.Split(' ')[0], null, emails, Now.AddMinutes(-5));

    public static TheoryData<string, string[], SkipReason?> Cases => new()
    {
        { "a plain new person", ["priya@harbourlaw.co.nz"], null },
        { "the user's own address", ["alex@morgan-consulting.co.nz"], SkipReason.OwnAddress },
        { "the user's alias in other case", ["ALEX.MORGAN@OUTLOOK.COM"], SkipReason.OwnAddress },
        { "a shared info@ mailbox", ["info@harbourlaw.co.nz"], SkipReason.GroupAddress },
        { "a noreply sender", ["noreply@eventbrite.com"], SkipReason.GroupAddress },
        { "a no-reply sender in capitals", ["No-Reply@Meetup.com"], SkipReason.GroupAddress },
        { "no email at all", [], SkipReason.NoEmailAddress },
        { "only a blank address", ["   "], SkipReason.NoEmailAddress },
        { "an address that is not an address", ["call me maybe"], SkipReason.UnusableAddress },
        { "markup for a local part", ["<script>@harbourlaw.co.nz"], SkipReason.UnusableAddress },
        { "a NUL inside", ["pri\u0000ya@harbourlaw.co.nz"], SkipReason.UnusableAddress },
        { "a bell inside", ["priya\u0007@harbourlaw.co.nz"], SkipReason.UnusableAddress },
        { "over 254 characters", [new string('p', 250) + "@harbourlaw.co.nz"], SkipReason.UnusableAddress },
        { "someone already known", ["sam@bakery.co.nz"], SkipReason.AlreadyKnown },
        { "someone already known, other case", ["Sam@Bakery.co.nz"], SkipReason.AlreadyKnown },
        { "group first then personal", ["sales@kiwi-solar.co.nz", "mere@kiwi-solar.co.nz"], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_who_is_a_new_acquaintance(string because, string[] emails, SkipReason? expected)
    {
        var result = Detect([Contact("c1", "Pat Example", emails)], "sam@bakery.co.nz");

        if (expected is null)
        {
            Assert.True(result.NewAcquaintances.Count == 1, because);
            Assert.Empty(result.Skipped);
        }
        else
        {
            Assert.True(result.NewAcquaintances.Count == 0, because);
            Assert.Equal(expected, Assert.Single(result.Skipped).Reason);
        }
    }

    [Fact]
    public void An_unusable_address_before_a_good_one_is_passed_over_for_the_good_one()
    {
        var result = Detect([Contact("c1", "Mere Tane", "<script>@kiwi-solar.co.nz", "mere@kiwi-solar.co.nz")]);

        Assert.Equal("mere@kiwi-solar.co.nz", Assert.Single(result.NewAcquaintances).Email);
        Assert.Empty(Assert.Single(result.NewAcquaintances).OtherEmails);
    }

    [Fact]
    public void A_person_with_a_group_address_and_a_personal_one_is_keyed_by_the_personal_one()
    {
        var result = Detect([Contact("c1", "Mere Tane", "sales@kiwi-solar.co.nz", "mere@kiwi-solar.co.nz")]);

        var person = Assert.Single(result.NewAcquaintances);
        Assert.Equal("mere@kiwi-solar.co.nz", person.Email);
        Assert.Equal(["sales@kiwi-solar.co.nz"], person.OtherEmails);
    }

    [Fact]
    public void Two_contacts_with_the_same_email_in_one_batch_start_one_track()
    {
        var result = Detect([Contact("c1", "Zoë Ångström", "zoe@nordic.design"), Contact("c2", "Zoe Angstrom", "ZOE@nordic.design")]);

        Assert.Equal("c1", Assert.Single(result.NewAcquaintances).ContactId);
        Assert.Equal(new SkippedContact("c2", SkipReason.DuplicateInBatch), Assert.Single(result.Skipped));
    }

    [Fact]
    public void A_second_email_of_a_known_person_makes_the_contact_known()
    {
        var result = Detect([Contact("c1", "Sam Baker", "sam.baker@gmail.com", "sam@bakery.co.nz")], "sam@bakery.co.nz");

        Assert.Empty(result.NewAcquaintances);
        Assert.Equal(SkipReason.AlreadyKnown, Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public void Met_at_is_the_contact_creation_time_but_never_in_the_future()
    {
        var created = Now.AddHours(-3);
        var future = Now.AddHours(2);

        var result = Detect([
            new ContactFacts("c1", "Ana Silva", "Ana", null, ["ana@silva.pt"], created),
            new ContactFacts("c2", "Ben Ode", "Ben", null, ["ben@ode.ng"], future),
            new ContactFacts("c3", "Cy Lee", "Cy", null, ["cy@lee.sg"], null),
        ]);

        Assert.Equal([created, Now, Now], result.NewAcquaintances.Select(a => a.MetAt));
    }

    [Fact]
    public void A_contact_without_a_display_name_is_named_by_its_address()
    {
        var result = Detect([new ContactFacts("c1", "  ", null, null, ["kim@studio.kr"], null)]);

        Assert.Equal("kim@studio.kr", Assert.Single(result.NewAcquaintances).DisplayName);
    }
}
