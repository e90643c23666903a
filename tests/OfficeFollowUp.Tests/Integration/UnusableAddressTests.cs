namespace OfficeFollowUp.Tests.Integration;

/// <summary>
/// A new contact whose addresses no draft can be written to is skipped and counted in Health, never followed up
/// at the bad address; a phone-only contact is simply not followed up. Found by the reliability fuzz drill.
/// </summary>
public sealed class UnusableAddressTests : PairedWorkerTests
{
    [Fact]
    public async Task A_new_contact_with_only_unusable_addresses_is_counted_in_health_and_gets_no_draft()
    {
        World.Mailbox.AddContact(new SandboxContactSeed("Mallory", "Markup", ["<script>@evil.example", "nul\u0000l@evil.example"]));
        World.Mailbox.AddContact(new SandboxContactSeed("Phone", "Only", []));
        World.Mailbox.AddContact(new SandboxContactSeed("Mere", "Tane", ["bell\u0007@kiwi-solar.co.nz", "mere@kiwi-solar.co.nz"]));

        await Worker.SyncOnceAsync();
        await Worker.SyncOnceAsync();

        var draft = Assert.Single(World.Mailbox.Drafts);
        Assert.Equal("mere@kiwi-solar.co.nz", Assert.Single(draft.ToRecipients).Address);
        var status = await Client.GetFromJsonAsync<JsonElement>("/api/status");
        var contactsSkipped = status.GetProperty("sync").EnumerateArray()
            .Where(r => r.GetProperty("resource").GetString()!.StartsWith("contacts", StringComparison.Ordinal))
            .Sum(r => r.GetProperty("itemsSkipped").GetInt64());
        Assert.Equal(1, contactsSkipped);
    }
}
