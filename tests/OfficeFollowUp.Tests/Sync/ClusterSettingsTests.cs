using Microsoft.Extensions.Options;

namespace OfficeFollowUp.Tests.Sync;

/// <summary>A bad cluster setting stops the worker at start with a message naming the key, before Orleans starts.</summary>
public sealed class ClusterSettingsTests : IAsyncLifetime
{
    private SandboxWorld _world = null!;

    public async Task InitializeAsync() => _world = await SandboxWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(new[] { "--Cluster:Mode=Redis", "--Cluster:RedisConnectionString=127.0.0.1:1" }, "Storage:Provider to PostgreSQL")]
    [InlineData(new[] { "--Cluster:Mode=Redis", "--Storage:Provider=PostgreSQL", "--Storage:ConnectionString=Host=127.0.0.1;Port=1" }, "Cluster:RedisConnectionString")]
    [InlineData(new[] { "--Cluster:SiloPort=70000" }, "Cluster:SiloPort")]
    [InlineData(new[] { "--Cluster:SiloPort=20000", "--Cluster:GatewayPort=20000" }, "Cluster:GatewayPort")]
    [InlineData(new[] { "--Cluster:AdvertisedAddress=somewhere" }, "Cluster:AdvertisedAddress")]
    [InlineData(new[] { "--Cluster:ReminderPeriod=00:00:00.100" }, "Cluster:ReminderPeriod")]
    public async Task A_bad_cluster_setting_stops_the_start_naming_the_key(string[] settings, string expected)
    {
        // Sync on, so the silo is part of the start the validation must stop.
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => _world.StartWorkerAsync([.. settings, "--Sync:Enabled=true"]));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
