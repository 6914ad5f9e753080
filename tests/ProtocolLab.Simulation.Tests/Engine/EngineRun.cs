using System.Text.Json;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Runs a scenario fixture of this folder on a fresh anvil into a temp folder of its own, and
/// reads the files back the way a user's tools would. Disposing deletes the folder.
/// </summary>
internal sealed class EngineRun : IDisposable
{
    private EngineRun(string output) => Output = output;

    public string Output { get; }

    public static EngineRun InTempFolder() => new(Directory.CreateTempSubdirectory("protocollab-engine-").FullName);

    public static Scenario Fixture(string fileName) =>
        ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Engine", "Scenarios", fileName));

    public Task<IReadOnlyList<DesignResult>> RunAsync(Scenario scenario, Func<RunnerOptions, RunnerOptions>? configure = null)
    {
        var options = new RunnerOptions { OutputDirectory = Output, RepoRoot = RepoPaths.Root, DevnetLogPath = Path.Combine(Output, "anvil.log") };
        return new ScenarioRunner(configure is null ? options : configure(options)).RunAsync(scenario, scenario.Protocol.Designs, CancellationToken.None);
    }

    public string RunFolder(Scenario scenario, string design, int run = 0) =>
        Path.Combine(Output, scenario.Name, design, $"run-{run:D3}");

    /// <summary>blocks.jsonl of a run, one parsed object per line.</summary>
    public IReadOnlyList<JsonElement> Blocks(Scenario scenario, string design, int run = 0) =>
        File.ReadAllLines(Path.Combine(RunFolder(scenario, design, run), "blocks.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    /// <summary>A positions snapshot ("start" or "end") in file order; an empty number (no debt) reads as infinity.</summary>
    public IReadOnlyList<PositionRecord> Positions(Scenario scenario, string design, string when) =>
        File.ReadAllLines(Path.Combine(RunFolder(scenario, design), $"positions-{when}.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new PositionRecord(f[0], Number(f[1]), Number(f[2]), Number(f[3]), Number(f[4])))
            .ToList();

    /// <summary>trades.csv of a run: one row per swap, its fields by the header's names.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Trades(Scenario scenario, string design, int run = 0) =>
        Csv(scenario, design, TradesCsvWriter.FileName, run);

    /// <summary>A CSV file of a run, each row's cells by the header's names.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Csv(Scenario scenario, string design, string fileName, int run = 0)
    {
        var lines = File.ReadAllLines(Path.Combine(RunFolder(scenario, design, run), fileName));
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(line => (IReadOnlyDictionary<string, string>)header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    public void Dispose() => Directory.Delete(Output, recursive: true);

    private static double Number(string text) =>
        text.Length == 0 ? double.PositiveInfinity : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

internal static class DesignResults
{
    public static RunSummary OnlyRunOf(this IReadOnlyList<DesignResult> results, string design) =>
        Assert.Single(results.Single(r => r.Design.Name == design).Runs);
}
