using OfficeFollowUp.Notifications;

namespace OfficeFollowUp.Tests.Notifications;

public sealed class PlanSubscriptionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10050);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(1);

    private static readonly Dictionary<SubscriptionKind, string> Both = new()
    {
        [SubscriptionKind.Contacts] = "me/contacts",
        [SubscriptionKind.Events] = "me/events",
    };

    private static StoredSubscription Stored(SubscriptionKind kind, TimeSpan expiresIn, bool renewDue = false, string? resource = null) =>
        new("mbx", kind, $"sub-{kind}", resource ?? (kind == SubscriptionKind.Contacts ? "me/contacts" : "me/events"), "hash", Now + expiresIn, renewDue, Now.AddDays(-1));

    public static TheoryData<string, Dictionary<SubscriptionKind, string>, StoredSubscription[], string[]> Cases => new()
    {
        { "nothing stored: create both", Both, [], ["Create Contacts", "Create Events"] },
        { "both live and far from expiry: nothing", Both, [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(5)), Stored(SubscriptionKind.Events, TimeSpan.FromDays(5))], [] },
        { "one inside the renewal lead: renew it", Both,
            [Stored(SubscriptionKind.Contacts, TimeSpan.FromHours(23)), Stored(SubscriptionKind.Events, TimeSpan.FromDays(5))], ["Renew Contacts sub-Contacts"] },
        { "exactly at the lead: renew", Both,
            [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(1)), Stored(SubscriptionKind.Events, TimeSpan.FromDays(5))], ["Renew Contacts sub-Contacts"] },
        { "Graph asked (reauthorizationRequired): renew early", Both,
            [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(5), renewDue: true), Stored(SubscriptionKind.Events, TimeSpan.FromDays(5))], ["Renew Contacts sub-Contacts"] },
        { "expired while the worker was off: recreate", Both,
            [Stored(SubscriptionKind.Contacts, TimeSpan.Zero), Stored(SubscriptionKind.Events, TimeSpan.FromDays(5))], ["Recreate Contacts sub-Contacts"] },
        { "one missing (subscriptionRemoved forgot it): create it", Both, [Stored(SubscriptionKind.Events, TimeSpan.FromDays(5))], ["Create Contacts"] },
        { "another resource (mode changed): recreate", Both,
            [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(5), resource: "users/x/contacts"), Stored(SubscriptionKind.Events, TimeSpan.FromDays(5))],
            ["Recreate Contacts sub-Contacts"] },
        { "notifications off: delete what is stored", new Dictionary<SubscriptionKind, string>(),
            [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(5)), Stored(SubscriptionKind.Events, TimeSpan.Zero)], ["Delete Contacts sub-Contacts", "Delete Events sub-Events"] },
        { "notifications off, nothing stored: nothing", new Dictionary<SubscriptionKind, string>(), [], [] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Plans_create_renew_recreate_and_delete(string because, Dictionary<SubscriptionKind, string> wanted, StoredSubscription[] stored, string[] expected)
    {
        var steps = PlanSubscriptions.Plan(wanted, stored, Now, Lifetime, RenewBefore);

        Assert.True(expected.SequenceEqual(steps.Select(Describe)), $"{because}: got [{string.Join(", ", steps.Select(Describe))}]");
    }

    [Fact]
    public void A_renewal_asks_for_the_full_lifetime_from_now()
    {
        var step = Assert.IsType<SubscriptionStep.Renew>(Assert.Single(
            PlanSubscriptions.Plan(Both, [Stored(SubscriptionKind.Contacts, TimeSpan.FromHours(1)), Stored(SubscriptionKind.Events, TimeSpan.FromDays(6))], Now, Lifetime, RenewBefore)));

        Assert.Equal(Now + Lifetime, step.NewExpiry);
    }

    public static TheoryData<string, StoredSubscription[], bool> HealthCases => new()
    {
        { "both live", [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(1)), Stored(SubscriptionKind.Events, TimeSpan.FromMinutes(1))], true },
        { "one missing", [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(1))], false },
        { "one expired", [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(1)), Stored(SubscriptionKind.Events, TimeSpan.Zero)], false },
        { "one for another resource", [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(1)), Stored(SubscriptionKind.Events, TimeSpan.FromDays(1), resource: "users/x/events")], false },
    };

    [Theory, MemberData(nameof(HealthCases))]
    public void Healthy_only_when_every_wanted_kind_is_live(string because, StoredSubscription[] stored, bool healthy) =>
        Assert.True(PlanSubscriptions.Healthy(Both, stored, Now) == healthy, because);

    [Fact]
    public void Never_healthy_when_notifications_are_off() =>
        Assert.False(PlanSubscriptions.Healthy(new Dictionary<SubscriptionKind, string>(), [Stored(SubscriptionKind.Contacts, TimeSpan.FromDays(1))], Now));

    [Fact]
    public void A_client_state_matches_only_its_own_hash()
    {
        var secret = ClientStateSecret.New();
        var other = ClientStateSecret.New();

        Assert.InRange(secret.Length, 40, 128);
        Assert.NotEqual(secret, other);
        Assert.True(ClientStateSecret.Matches(secret, ClientStateSecret.Hash(secret)));
        Assert.False(ClientStateSecret.Matches(other, ClientStateSecret.Hash(secret)));
        Assert.False(ClientStateSecret.Matches(null, ClientStateSecret.Hash(secret)));
        Assert.False(ClientStateSecret.Matches(ClientStateSecret.Hash(secret), ClientStateSecret.Hash(secret)));
    }

    private static string Describe(SubscriptionStep step) => step switch
    {
        SubscriptionStep.Create c => $"Create {c.Kind}",
        SubscriptionStep.Renew r => $"Renew {r.Kind} {r.SubscriptionId}",
        SubscriptionStep.Recreate r => $"Recreate {r.Kind} {r.OldSubscriptionId}",
        SubscriptionStep.Delete d => $"Delete {d.Kind} {d.SubscriptionId}",
        _ => step.ToString(),
    };
}
