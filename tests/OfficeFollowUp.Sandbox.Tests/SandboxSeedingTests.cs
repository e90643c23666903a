using Microsoft.Extensions.Time.Testing;

namespace OfficeFollowUp.Sandbox.Tests;

public sealed class SandboxSeedingTests
{
    [Fact]
    public void Seeded_people_are_deterministic_and_realistic()
    {
        var a = new SandboxMailbox(new FakeTimeProvider());
        var b = new SandboxMailbox(new FakeTimeProvider());

        a.SeedContacts(500, randomSeed: 7);
        b.SeedContacts(500, randomSeed: 7);

        Assert.Equal(500, a.ContactCount());
        var people = Seeds(a);
        Assert.Equal(people.Select(Describe), Seeds(b).Select(Describe));
        Assert.Contains(people, p => p.Emails.Count == 0);
        Assert.Contains(people, p => p.Emails.Count == 2);
        Assert.Contains(people, p => (p.GivenName ?? string.Empty).Any(c => c > 127) || (p.Surname ?? string.Empty).Any(c => c > 127));
        var emails = people.SelectMany(p => p.Emails).ToList();
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(emails, e => Assert.Matches("^[a-z0-9.]+@[a-z0-9.-]+$", e));

        static List<SandboxContactSeed> Seeds(SandboxMailbox mailbox) => [.. mailbox.ContactIds().Select(id => mailbox.FindContact(id)!)];
        static string Describe(SandboxContactSeed p) => $"{p.GivenName}|{p.Surname}|{string.Join(',', p.Emails)}|{p.CompanyName}|{p.JobTitle}|{p.MobilePhone}";
    }

    [Fact]
    public async Task Fifty_thousand_contacts_page_through_a_delta_round_in_bounded_time()
    {
        await using var h = await SandboxHarness.StartAsync(time =>
        {
            var mailbox = new SandboxMailbox(time);
            mailbox.SeedContacts(50_000);
            return mailbox;
        });
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var (pages, deltaLink) = await h.FollowRawRoundAsync(
            h.Url($"/me/contactFolders/{h.Mailbox.DefaultContactFolderId}/contacts/delta"),
            contact => Assert.True(ids.Add(contact.GetProperty("id").GetString()!)));

        Assert.Equal(50_000, ids.Count);
        Assert.Equal(50, pages);

        h.Mailbox.Requests.Reset();
        using var idle = JsonDocument.Parse(await h.Raw.GetStringAsync(deltaLink));
        Assert.Equal(0, idle.RootElement.GetProperty("value").GetArrayLength());
        Assert.Equal(1, h.Mailbox.Requests.Total);
    }
}
