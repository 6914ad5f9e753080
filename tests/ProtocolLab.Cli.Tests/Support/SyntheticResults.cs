using ProtocolLab.Cli.Check;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Tests.Support;

/// <summary>Design results built by hand, aggregated by the real <see cref="RunAggregator"/>: no devnet needed.</summary>
internal static class SyntheticResults
{
    public const ulong Seed = 20240312;

    public static RunSummary Run(double badDebtPercent = 10, int liquidations = 40, double? amplification = 2.0) => new(
        ShockBlock: 5,
        LiquidationCount: liquidations,
        CollateralSeized: 700,
        LiquidationVolume: 700_000,
        CascadeRounds: 5,
        CascadeDurationBlocks: 17,
        FirstLiquidationBlock: 19,
        LastLiquidationBlock: 35,
        PeakLiquidationVolumePerBlock: 400_000,
        BadDebt: 150_000,
        BadDebtPercentOfInitialDebt: badDebtPercent,
        InsuranceDrawn: 18_000,
        LiquidatorPnl: -100_000,
        MaxFundamentalDrawdown: 0.3,
        MaxOracleDrawdown: 0.6,
        AmplificationRatio: amplification,
        FailedLiquidations: 0,
        GasUsed: 30_000_000)
    {
        Measured = new Dictionary<string, double?> { ["liquidatorSalesIntoPair"] = 700 },
    };

    public static DesignResult Design(string name, params RunSummary[] runs) => new(
        new DesignSpec(name, MarginModelKind.Fixed, "FixedMargin", new BaseMarginParameters(0.75, 0.8, 0.5, 0.05), null, []),
        runs,
        RunAggregator.Aggregate(runs),
        Path.Combine("results", "crash-30", name));

    public static CheckedScenario Scenario(params DesignResult[] designs) =>
        new("crash-30", Seed, "scenarios/crash-30.yaml", designs, TimeSpan.FromSeconds(1.5));

    /// <summary>Budgets from YAML lines under <c>budgets:</c>, parsed by the real parser.</summary>
    public static IReadOnlyList<Budget> Budgets(string entries) =>
        BudgetFileParser.Parse("budgets:\n" + entries, "budgets.yaml");
}
