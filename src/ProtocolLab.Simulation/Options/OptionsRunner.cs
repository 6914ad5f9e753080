using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Options;

/// <summary>Where the runner is, reported to the lending runner's cursor so a stopped devnet is located the same way.</summary>
public sealed record RunTracking(Action<string> StartDesign, Action<int, string> StartRun, Action<int> Written);

/// <summary>
/// The options counterpart of the lending runner's design loop, on the devnet and session the
/// <see cref="ScenarioRunner"/> started: each option margin design from genesis, each run from the
/// design's set-up snapshot, the same seeds and price paths for every design. Writes the lending
/// files (blocks.jsonl, blocks.csv, summary.json) plus options-blocks.jsonl, options-liquidations.csv and options-summary.json.
/// </summary>
public sealed class OptionsRunner(RunnerOptions options, RunTracking tracking)
{
    public async Task<IReadOnlyList<DesignResult>> RunDesignsAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, Scenario scenario, IReadOnlyList<DesignSpec> designs, CancellationToken cancellationToken)
    {
        var genesis = await session.Dev.SnapshotAsync(cancellationToken);
        var results = new List<DesignResult>();
        foreach (var design in designs)
        {
            tracking.StartDesign(design.Name);
            genesis = await ScenarioRunner.RevertAsync(session, genesis, session.Clock!.Start, cancellationToken);
            var world = await OptionsWorld.CreateAsync(session, artifacts, owner, scenario, design, cancellationToken);
            var setupTime = session.Clock!.Current;
            var setup = await session.Dev.SnapshotAsync(cancellationToken);
            var directory = Path.Combine(options.OutputDirectory, scenario.Name, design.Name);
            Directory.CreateDirectory(directory);

            var runs = new List<RunSummary>();
            var optionRuns = new List<OptionRunSummary>();
            for (var run = 0; run < scenario.Runs; run++)
            {
                if (run > 0)
                    setup = await ScenarioRunner.RevertAsync(session, setup, setupTime, cancellationToken);
                var (summary, optionSummary) = await RunOnceAsync(world, run, Path.Combine(directory, $"run-{run:D3}"), cancellationToken);
                runs.Add(summary);
                optionRuns.Add(optionSummary);
            }
            SummaryJsonWriter.Write(Path.Combine(directory, "summary.json"), new SummaryHeader(scenario.Name, scenario.Hash, scenario.Seed, design.Name), runs);
            var optionStatistics = OptionRunSummary.Names.Select((name, i) => MetricStatistics.Of(name, optionRuns.Select(r => r.Values[i]))).ToList();
            OptionSummaryJsonWriter.Write(Path.Combine(directory, "options-summary.json"), optionRuns, optionStatistics);
            results.Add(new DesignResult(design, runs, [.. RunAggregator.Aggregate(runs), .. optionStatistics], directory));
        }
        return results;
    }

    private async Task<(RunSummary, OptionRunSummary)> RunOnceAsync(OptionsWorld world, int run, string directory, CancellationToken cancellationToken)
    {
        var scenario = world.Scenario;
        Directory.CreateDirectory(directory);
        tracking.StartRun(run, Path.Combine(directory, "blocks.jsonl"));
        var path = PricePathFactory.Create(scenario, SeededRandom.ForStream(scenario.Seed, run, "price-path"));
        var loop = new OptionsBlockLoop(world, path);
        var blocks = new List<BlockMetrics>(scenario.Blocks + 1);
        var optionBlocks = new List<OptionBlockMetrics>(scenario.Blocks + 1);
        using var jsonl = BlockJsonLinesWriter.Create(Path.Combine(directory, "blocks.jsonl"));
        using var csv = BlocksCsvWriter.Create(Path.Combine(directory, "blocks.csv"));
        using var optionsJsonl = new OptionBlockJsonLinesWriter(Path.Combine(directory, "options-blocks.jsonl"));
        var totals = await loop.RunAsync((block, option) =>
        {
            blocks.Add(block);
            optionBlocks.Add(option);
            jsonl.Append(block);
            csv.Append(block);
            optionsJsonl.Append(option);
            tracking.Written(block.Block);
            options.Progress?.Report(new RunProgress(world.Design.Name, run, scenario.Runs, block.Block, scenario.Blocks));
        }, cancellationToken);
        File.WriteAllLines(Path.Combine(directory, "options-liquidations.csv"), [OptionLiquidationRecord.CsvHeader, .. loop.Liquidations.Select(l => l.ToCsv())]);
        return (RunSummaryCalculator.Summarize(blocks, totals), OptionRunSummary.Of(optionBlocks));
    }
}
