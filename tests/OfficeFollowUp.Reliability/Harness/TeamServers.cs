using System.Reflection;
using Dapper;
using Npgsql;

namespace OfficeFollowUp.Reliability.Harness;

/// <summary>
/// The servers a team of workers shares: the PostgreSQL and Redis test.sh started (OFU_POSTGRES, OFU_REDIS), or else
/// ones this test process starts with scripts/postgres.sh and scripts/redis.sh, which stop them (by process id) once
/// this process has ended. Each drill gets a database of its own.
/// </summary>
internal static class TeamServers
{
    private static readonly Lazy<string> Postgres = new(() => StartOrFind("OFU_POSTGRES", "postgres.sh"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Redis = new(() => StartOrFind("OFU_REDIS", "redis.sh"), LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RedisConnectionString => Redis.Value;

    /// <summary>A new, empty database on the shared server; its connection string.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var name = "ofu_team_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Postgres.Value))
        {
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }

        return new NpgsqlConnectionStringBuilder(Postgres.Value) { Database = name, Pooling = false }.ConnectionString;
    }

    private static string StartOrFind(string variable, string script)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } given)
        {
            return given;
        }

        var root = typeof(TeamServers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var start = new ProcessStartInfo(Path.Combine(root, "scripts", script)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("start");
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/{script} start failed: {error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Single(kv => kv[0] == variable)[1].Trim('\'');
    }
}
