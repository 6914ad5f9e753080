using System.Text;
using System.Text.Json;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Tests.Metrics;

namespace ProtocolLab.Simulation.Tests.Results;

public class SummaryJsonWriterTests
{
    private static readonly SummaryHeader Header = new("crash-30", "ab12", 18446744073709551615, "fixed");

    [Fact]
    public void Write_TwoRuns_HasHeaderRunsAndAggregateInFixedOrder()
    {
        // Given two run summaries, the second without an amplification ratio
        var first = RunSummaryCalculator.Summarize(MetricSeries.Crash, new RunTotals(10_000, 100));
        var second = first with { AmplificationRatio = null };

        // When written and parsed back
        var text = Write([first, second]);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        // Then the header is exact (the seed as a string: it may exceed 2^53), runs keep their order,
        // an undefined ratio is null, and each aggregate names n, mean, stdev, ci95Low, ci95High, p95, min, max
        Assert.Equal(["schemaVersion", "scenario", "scenarioHash", "seed", "design", "runs", "aggregate"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("18446744073709551615", root.GetProperty("seed").GetString());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([0, 1], runs.Select(r => r.GetProperty("run").GetInt32()));
        Assert.Equal(
            ["run", "shockBlock", "liquidationCount", "collateralSeized", "liquidationVolume", "cascadeRounds", "cascadeDurationBlocks",
             "firstLiquidationBlock", "lastLiquidationBlock", "peakLiquidationVolumePerBlock", "badDebt", "badDebtPercentOfInitialDebt",
             "badDebtCollateralShortfall", "badDebtBonusPaid", "insuranceDrawn", "liquidatorPnl", "maxFundamentalDrawdown", "maxOracleDrawdown", "amplificationRatio", "maxOracleGap", "peakLiquidatableDebtPercent", "failedLiquidations", "gasUsed"],
            runs[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, runs[1].GetProperty("amplificationRatio").ValueKind);
        var aggregate = root.GetProperty("aggregate");
        Assert.Equal(MetricCatalog.All.Where(m => m.Scope == MetricScope.Every).Select(m => m.Name), aggregate.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["n", "mean", "stdev", "ci95Low", "ci95High", "ci95Method", "p95", "min", "max"],
            aggregate.GetProperty("liquidationCount").EnumerateObject().Select(p => p.Name));
        Assert.Equal(4600, aggregate.GetProperty("liquidationVolume").GetProperty("mean").GetDouble());
    }

    [Fact]
    public void Write_SameInputsTwice_IsByteIdenticalWithLfLineEnds()
    {
        // Given one summary
        var summary = RunSummaryCalculator.Summarize(MetricSeries.Crash, new RunTotals(10_000, 1.0 / 3));

        // When written twice
        var a = Write([summary]);
        var b = Write([summary]);

        // Then the bytes agree, there are no CRs, the file ends in a newline and 1/3 round-trips
        Assert.Equal(a, b);
        Assert.DoesNotContain('\r', a);
        Assert.EndsWith("}\n", a);
        Assert.Contains("\"liquidatorPnl\": 0.3333333333333333,", a);
    }

    private static string Write(IReadOnlyList<RunSummary> runs)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(stream, Header, runs);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
