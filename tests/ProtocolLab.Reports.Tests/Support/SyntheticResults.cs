using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Reports.Tests.Support;

/// <summary>
/// Result files shaped like the engine's, in a temp folder: a 30% step crash at block 5, a pair
/// that overshoots while liquidators dump, an oracle that lags it, and a milder second design.
/// Deterministic for a given seed, so two fixtures in different folders hold the same bytes.
/// </summary>
internal sealed class SyntheticResults : IDisposable
{
    public const string ScenarioYaml = """
        # Synthetic crash for report tests.
        name: synthetic-crash
        description: ETH drops 30% at block 5; liquidators dump into a thin pair.
        seed: 42
        runs: 1
        blocks: 40
        blockTimeSeconds: 12

        market:
          collateral: { symbol: WETH, decimals: 18 }
          loan: { symbol: USDC, decimals: 6 }
          initialPrice: 2000
          pairDepth: 2_000_000
          arbitrageCapitalPerBlock: 25_000
          lenderSupply: 5_000_000

        protocol:
          designs:
            - name: fixed
              model: fixed
              parameters: { initialLtv: 0.75, liquidationThreshold: 0.80, closeFactor: 0.5, bonus: 0.05 }
          insuranceFund: 50_000
          maxOracleAgeSeconds: 3600

        population:
          borrowers: 60
          size: { distribution: pareto, alpha: 1.5, scale: 5, min: 5, max: 300 }
          leverage: { distribution: beta, alpha: 8, beta: 2 }
          behaviour:
            none: { share: 1.0 }

        agents:
          liquidators:
            - name: fast-bot
              capital: 1_000_000
              reactionDelayBlocks: 0
              gasBid: { strategy: fixed, priorityFeeGwei: 2 }
              minProfit: 50
              sell: dump
          arbitrageur: { enabled: true }
          keeper: { enabled: true }

        oracle:
          mode: market
          deviationThreshold: 0.005
          heartbeatSeconds: 3600
          twapWindowSeconds: 60

        pricePath:
          kind: step
          at: 5
          drop: 0.30
        """;

    private SyntheticResults(string root, Scenario scenario, IReadOnlyList<DesignResult> results)
    {
        Root = root;
        Scenario = scenario;
        Results = results;
    }

    public string Root { get; }

    public Scenario Scenario { get; }

    public IReadOnlyList<DesignResult> Results { get; }

    /// <summary>Writes scenario and results under a new temp folder; <paramref name="designs"/> are (name, severity) pairs.</summary>
    public static SyntheticResults Create(int runs = 1, string yaml = ScenarioYaml, params (string Name, double Severity)[] designs)
    {
        if (designs.Length == 0)
        {
            designs = [("fixed", 1.0), ("dynamic", 0.45)];
        }

        var root = Path.Combine(Path.GetTempPath(), "protocollab-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var scenarioPath = Path.Combine(root, "synthetic-crash.yaml");
        File.WriteAllText(scenarioPath, yaml.ReplaceLineEndings("\n") + "\n");
        var scenario = ScenarioLoader.Load(scenarioPath);

        var results = new List<DesignResult>();
        foreach (var (name, severity) in designs)
        {
            var directory = Path.Combine(root, "results", scenario.Name, name);
            var summaries = new List<RunSummary>();
            for (var run = 0; run < runs; run++)
            {
                var runDirectory = Path.Combine(directory, $"run-{run:D3}");
                Directory.CreateDirectory(runDirectory);
                var blocks = Blocks(severity, run);
                using (var jsonl = BlockJsonLinesWriter.Create(Path.Combine(runDirectory, "blocks.jsonl")))
                {
                    foreach (var block in blocks)
                    {
                        jsonl.Append(block);
                    }
                }

                var (start, end) = Positions(severity, run);
                PositionsCsvWriter.Write(Path.Combine(runDirectory, "positions-start.csv"), start);
                PositionsCsvWriter.Write(Path.Combine(runDirectory, "positions-end.csv"), end);
                // The runner measures the liquidators' sales from trades.csv; here, the seized collateral.
                var summary = RunSummaryCalculator.Summarize(blocks, new RunTotals(start.Sum(p => p.Debt), -1_000 * severity, 5));
                summaries.Add(summary with { Measured = new Dictionary<string, double?> { ["liquidatorSalesIntoPair"] = summary.CollateralSeized } });
            }

            var design = new DesignSpec(name, MarginModelKind.Fixed, "FixedMargin", new BaseMarginParameters(0.75, 0.8, 0.5, 0.05), null, []);
            results.Add(new DesignResult(design, summaries, RunAggregator.Aggregate(summaries), directory));
        }

        return new SyntheticResults(root, scenario, results);
    }

    public static ReportVersions Versions { get; } = new("9.9.9-test+abc", "artifacts 0123456789ab");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static List<BlockMetrics> Blocks(double severity, int run)
    {
        var blocks = new List<BlockMetrics>();
        var oracle = 2000.0;
        for (var b = 0; b <= 40; b++)
        {
            var fundamental = b < 5 ? 2000.0 : 1400.0;
            var since = b - 5;
            var dip = since < 0 ? 0 : severity * (260 + (15 * run)) * Math.Exp(-since / 6.0) * Math.Min(1, (since + 1) / 3.0);
            var pair = fundamental - dip;
            oracle = b < 6 ? (b < 5 ? 2000 : 1700) : (0.5 * oracle) + (0.5 * pair);
            var active = since is >= 1 and <= 14;
            var repaid = active ? severity * 120_000 * Math.Exp(-(since - 1) / 3.5) : 0;
            var bad = active && since is >= 3 and <= 7 ? severity * severity * 15_000 * (8 - since) : 0;
            var count = active ? Math.Max(1, (int)Math.Round(repaid / 12_000)) : 0;
            blocks.Add(new BlockMetrics(b, 1_700_000_000 + (12 * b), fundamental, pair, oracle, count, repaid / 1500, repaid, bad, Math.Min(bad, 2000), count, 0, count * 210_000));
        }

        return blocks;
    }

    private static (List<PositionRecord> Start, List<PositionRecord> End) Positions(double severity, int run)
    {
        var random = new Random(1234 + run);
        var start = new List<PositionRecord>();
        var end = new List<PositionRecord>();
        for (var i = 0; i < 60; i++)
        {
            var collateral = 5 + (random.NextDouble() * 60);
            var liquidationPrice = 1250 + (random.NextDouble() * 650);
            var debt = liquidationPrice * collateral * 0.8;
            var borrower = $"0x{i:x40}";
            start.Add(new PositionRecord(borrower, collateral, debt, 2000 / liquidationPrice, 0.8));
            var liquidated = liquidationPrice > 1400 && random.NextDouble() < severity;
            end.Add(liquidated ? new PositionRecord(borrower, 0, 0, double.NaN, 0.8) : new PositionRecord(borrower, collateral, debt, 1400 / liquidationPrice, 0.8));
        }

        return (start, end);
    }
}
