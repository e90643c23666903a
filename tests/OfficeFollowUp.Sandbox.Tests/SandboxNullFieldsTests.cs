namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>Names, subjects and attendee names a person never gave come from Graph as JSON null, in CSDL shapes.</summary>
public sealed class SandboxNullFieldsTests
{
    [Fact]
    public async Task A_contact_without_names_or_addresses_is_sent_with_nulls_and_an_empty_address_list()
    {
        await using var h = await SandboxHarness.StartAsync();
        var id = h.Mailbox.AddContact(new SandboxContactSeed(null, null, []));

        using var json = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/me/contacts/{id}")));
        var contact = await h.Graph.Me.Contacts[id].GetAsync();

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("givenName").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("surname").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("emailAddresses").GetArrayLength());
        Assert.Empty(GraphCsdl.V1.Violations(json.RootElement, "contact"));
        Assert.Null(contact!.GivenName);
        Assert.Empty(contact.EmailAddresses!);
    }

    [Fact]
    public async Task An_event_without_a_subject_and_a_guest_without_a_name_are_sent_as_nulls()
    {
        await using var h = await SandboxHarness.StartAsync();
        var start = h.Time.GetUtcNow().AddDays(1);
        var id = h.Mailbox.AddEvent(new SandboxEventSeed(null, start, start.AddHours(1), [new SandboxAttendee(null, "guest@example.org")]));

        using var json = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/me/events/{id}")));
        var item = await h.Graph.Me.Events[id].GetAsync();

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("subject").ValueKind);
        var guest = json.RootElement.GetProperty("attendees")[0].GetProperty("emailAddress");
        Assert.Equal(JsonValueKind.Null, guest.GetProperty("name").ValueKind);
        Assert.Empty(GraphCsdl.V1.Violations(json.RootElement, "event"));
        Assert.Null(item!.Subject);
        Assert.Equal("guest@example.org", Assert.Single(item.Attendees!).EmailAddress!.Address);
    }
}
