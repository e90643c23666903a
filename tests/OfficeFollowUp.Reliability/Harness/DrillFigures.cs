using System.Reflection;

namespace OfficeFollowUp.Reliability.Harness;

/// <summary>How big a drill is. The short form runs in CI inside ./test.sh; the full form is scripts/reliability.sh --full.</summary>
internal sealed record DrillSizes(string Form, int Kills, int ContactsPerKill, int StormPeople, int FuzzContacts, int FuzzEvents, int Seed)
{
    public static DrillSizes Current { get; } = Read();

    public bool Full => Form == "full";

    private static DrillSizes Read()
    {
        var full = string.Equals(Environment.GetEnvironmentVariable("OFU_DRILLS"), "full", StringComparison.OrdinalIgnoreCase);
        var seed = Int("OFU_DRILL_SEED", Environment.TickCount & 0x7fffffff);
        return full
            ? new DrillSizes("full", Int("OFU_DRILL_KILLS", 20), 2, Int("OFU_DRILL_STORM_PEOPLE", 150), Int("OFU_DRILL_FUZZ_CONTACTS", 5000), Int("OFU_DRILL_FUZZ_EVENTS", 5000), seed)
            : new DrillSizes("short", Int("OFU_DRILL_KILLS", 4), 2, Int("OFU_DRILL_STORM_PEOPLE", 12), Int("OFU_DRILL_FUZZ_CONTACTS", 150), Int("OFU_DRILL_FUZZ_EVENTS", 150), seed);
    }

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

/// <summary>One row of the figures table each drill prints: what it did to the worker and what the mailbox holds after.</summary>
internal sealed record DrillFigures(
    string Drill,
    string Form,
    int Seed,
    int Kills,
    int Expected,
    int Made,
    int Duplicated,
    int Missing,
    string Faults,
    TimeSpan Duration,
    string Verdict)
{
    private const string Header = "| drill | form | seed | kills | expected | made | duplicated | missing | faults injected | time | verdict |";

    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Drill} | {Form} | {Seed} | {Kills} | {Expected} | {Made} | {Duplicated} | {Missing} | {Faults} | {Duration.TotalSeconds:0} s | {Verdict} |");

    /// <summary>
    /// Writes the row to the test's output and appends it to the figures file (OFU_DRILL_FIGURES, else
    /// artifacts/reliability/figures.md) and the details next to it (figures.details.txt), which
    /// scripts/reliability.sh and ./test.sh print after the run.
    /// </summary>
    public void Report(ITestOutputHelper output, string details)
    {
        output.WriteLine(Header);
        output.WriteLine(Row);
        output.WriteLine(details);

        var path = Environment.GetEnvironmentVariable("OFU_DRILL_FIGURES");
        if (string.IsNullOrWhiteSpace(path))
        {
            var root = typeof(DrillFigures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
            path = Path.Combine(root, "artifacts", "reliability", "figures.md");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        lock (typeof(DrillFigures))
        {
            var fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
            File.AppendAllText(path, (fresh ? Header + "\n|---|---|---|---|---|---|---|---|---|---|---|\n" : string.Empty) + Row + "\n");
            File.AppendAllText(Path.ChangeExtension(path, ".details.txt"), $"{Drill} ({Form} form, seed {Seed}): {Verdict}\n{details}\n\n");
        }
    }
}
