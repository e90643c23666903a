namespace OfficeFollowUp.Sandbox.Tests;

/// <summary>The subscription and notification JSON uses only property names the Graph v1.0 CSDL defines.</summary>
public sealed class SandboxSubscriptionsCsdlTests
{
    private static void AssertConforms(JsonElement json, string type, string what)
    {
        var problems = GraphCsdl.V1.Violations(json, type);
        Assert.True(problems.Count == 0, $"{what} does not match microsoft.graph.{type}:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public async Task Subscriptions_and_change_and_lifecycle_notifications_use_only_csdl_properties()
    {
        await using var h = await SandboxHarness.StartAsync();
        await using var receiver = await NotificationReceiver.StartAsync();
        var request = SandboxSubscriptionsTests.NewSubscription(h, receiver);
        using var posted = await h.Raw.PostAsJsonAsync(h.Url("/subscriptions"), new
        {
            changeType = request.ChangeType,
            notificationUrl = request.NotificationUrl,
            lifecycleNotificationUrl = request.LifecycleNotificationUrl,
            resource = request.Resource,
            expirationDateTime = request.ExpirationDateTime,
            clientState = request.ClientState,
        });
        using var created = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetString();
        using var single = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url($"/subscriptions/{id}")));
        using var list = JsonDocument.Parse(await h.Raw.GetStringAsync(h.Url("/subscriptions")));
        var contact = h.Mailbox.AddContact(new("Conform", "Ing", ["conform@example.org"]));
        h.Mailbox.DeleteContact(contact);
        h.Server.Subscriptions.SendLifecycleEvent(id!, SandboxLifecycleEvent.ReauthorizationRequired);
        await h.Server.Subscriptions.WaitForDeliveriesAsync();

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        AssertConforms(created.RootElement, "subscription", "POST /subscriptions");
        AssertConforms(single.RootElement, "subscription", "GET /subscriptions/{id}");
        Assert.All(list.RootElement.GetProperty("value").EnumerateArray(), s => AssertConforms(s, "subscription", "a listed subscription"));
        var bodies = receiver.Bodies.ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => AssertConforms(b, "changeNotificationCollection", "a notification POST"));
        Assert.Contains(bodies, b => b.GetProperty("value")[0].TryGetProperty("lifecycleEvent", out _));
    }

    [Fact]
    public void The_check_still_catches_made_up_notification_properties()
    {
        using var doc = JsonDocument.Parse("""
            { "value": [ { "subscriptionId": "x", "changeType": "moved", "lifecycleEvent": "expired", "secret": 1,
                           "resourceData": { "@odata.type": "#Microsoft.Graph.Contact", "id": "y" } } ] }
            """);

        var problems = GraphCsdl.V1.Violations(doc.RootElement, "changeNotificationCollection");

        Assert.Equal(3, problems.Count);
    }
}
