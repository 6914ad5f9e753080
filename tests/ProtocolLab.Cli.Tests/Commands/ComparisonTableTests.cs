using ProtocolLab.Cli.Commands;
using ProtocolLab.Cli.Tests.Support;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Tests.Commands;

public sealed class ComparisonTableTests
{
    private static readonly Scenario CrashThirty = ScenarioLoader.Load(Path.Combine(RepoPaths.Root, "scenarios", "crash-30.yaml")) with { Runs = 1 };

    [Fact]
    public void Write_OneRunPerDesign_PrintsAlignedColumnsInMetricOrder()
    {
        // Given two designs with one run each
        var results = new[] { SyntheticResults.Design("fixed", SyntheticResults.Run(12.5)), SyntheticResults.Design("dynamic", SyntheticResults.Run(9.25, 55)) };

        // When the table is written
        var text = Render(CrashThirty, results);

        // Then the header names the scenario, columns line up, and values use thousands separators above 1,000
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("crash-30: 1 run x 40 blocks, seed 20240312", lines[0]);
        Assert.Equal("metric                              fixed     dynamic  dynamic - fixed", lines[1]);
        Assert.Equal("liquidationCount                       40          55              +15", lines[3]);
        Assert.Equal("liquidationVolume                 700,000     700,000                0", lines[5]);
        Assert.Equal("badDebtPercentOfInitialDebt          12.5        9.25            -3.25", lines[10]);
        Assert.Equal(2 + 1 + 20 + 1, lines.Length);
        Assert.StartsWith("differences: each design minus fixed; one run gives no interval", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MetricOnlyOneDesignMeasures_ShowsItWithNotApplicableForTheOthers()
    {
        // Given a plain design and one behind a circuit breaker, which alone measures its trips
        var guarded = SyntheticResults.Run(8) with { Measured = new Dictionary<string, double?> { ["circuitBreakerTrips"] = 7 } };
        var results = new[] { SyntheticResults.Design("fixed", SyntheticResults.Run(12.5)), SyntheticResults.Design("breaker", guarded) };

        // When the table is written
        var text = Render(CrashThirty, results);

        // Then the breaker's metric has a row: its value, n/a for the design without one and for the difference
        var row = text.Split('\n').Single(l => l.StartsWith("circuitBreakerTrips", StringComparison.Ordinal));
        Assert.Equal(["circuitBreakerTrips", "n/a", "7", "n/a"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Write_SeveralRuns_PrintsMeanWithStudentTInterval()
    {
        // Given three runs whose bad debt is 10, 12 and 14 percent: mean 12, s = 2,
        // half-width t(0.975, 2) x s / sqrt(3) = 4.3027 x 2 / 1.7321 = 4.968
        var scenario = CrashThirty with { Runs = 3 };
        var results = new[] { SyntheticResults.Design("fixed", SyntheticResults.Run(10), SyntheticResults.Run(12), SyntheticResults.Run(14)) };

        var text = Render(scenario, results);

        var line = text.Split('\n').Single(l => l.StartsWith("badDebtPercentOfInitialDebt", StringComparison.Ordinal));
        Assert.EndsWith("12 [7.032, 16.968]", line, StringComparison.Ordinal);
        Assert.StartsWith("crash-30: 3 runs x 40 blocks", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SeveralRunsTwoDesigns_PrintsPairedDifferenceWithIntervalAndSignificance()
    {
        // Given bad debt 10, 12, 14 under fixed and 9, 10.5, 12.5 under dynamic: differences -1, -1.5, -1.5,
        // mean -1.333, s = 0.2887, half-width 4.3027 x 0.2887 / 1.7321 = 0.717
        var scenario = CrashThirty with { Runs = 3 };
        var results = new[]
        {
            SyntheticResults.Design("fixed", SyntheticResults.Run(10), SyntheticResults.Run(12), SyntheticResults.Run(14)),
            SyntheticResults.Design("dynamic", SyntheticResults.Run(9), SyntheticResults.Run(10.5), SyntheticResults.Run(12.5)),
        };

        // When the table is written
        var text = Render(scenario, results);

        // Then the difference column holds the paired mean, its t-interval and a star (it excludes 0)
        var line = text.Split('\n').Single(l => l.StartsWith("badDebtPercentOfInitialDebt", StringComparison.Ordinal));
        Assert.EndsWith("-1.333 [-2.05, -0.616] *", line, StringComparison.Ordinal);
        var same = text.Split('\n').Single(l => l.StartsWith("liquidationCount", StringComparison.Ordinal));
        Assert.EndsWith("0 [0, 0]", same, StringComparison.Ordinal);
    }

    private static string Render(Scenario scenario, IReadOnlyList<Simulation.Runs.DesignResult> results)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        ComparisonTable.Write(writer, scenario, results);
        return writer.ToString();
    }
}
