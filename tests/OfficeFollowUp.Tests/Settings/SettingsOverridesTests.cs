using OfficeFollowUp.Settings;

namespace OfficeFollowUp.Tests.Settings;

public sealed class SettingsOverridesTests
{
    private static readonly MailboxSettings Configured = new("Networking", ["mixer", "meetup"], 30, 15, "", new CadenceDays(14, 30, 90));

    [Fact]
    public void Saving_the_configured_values_stores_no_overrides()
    {
        Assert.Equal(SettingsOverrides.None, SettingsOverrides.Between(Configured, Configured with { SubjectKeywords = ["mixer", "meetup"] }));
    }

    [Fact]
    public void Only_changed_values_become_overrides_so_later_configuration_still_reaches_the_rest()
    {
        var overrides = SettingsOverrides.Between(Configured, Configured with { Signature = "Ada", Cadences = new CadenceDays(14, 21, 90) });

        Assert.Equal(new SettingsOverrides(Signature: "Ada", InnerCircleDays: 21), overrides);
        var reconfigured = Configured with { MeetingLengthMinutes = 45, Cadences = new CadenceDays(10, 30, 60) };
        Assert.Equal(reconfigured with { Signature = "Ada", Cadences = new CadenceDays(10, 21, 60) }, overrides.ApplyTo(reconfigured));
    }

    [Fact]
    public void Keywords_are_an_override_when_their_order_or_spelling_changes()
    {
        Assert.Equal(["meetup", "mixer"], SettingsOverrides.Between(Configured, Configured with { SubjectKeywords = ["meetup", "mixer"] }).SubjectKeywords);
        Assert.Equal(["Mixer", "meetup"], SettingsOverrides.Between(Configured, Configured with { SubjectKeywords = ["Mixer", "meetup"] }).SubjectKeywords);
    }
}
