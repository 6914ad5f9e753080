using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Cli.Check;

/// <summary>Which statistic of a metric over the runs a budget limits.</summary>
internal enum BudgetStatistic
{
    Mean,
    P95,
    Max,
    Min,
    CiHigh,
    CiLow,
}

internal static class BudgetStatistics
{
    /// <summary>The names a budget file uses, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mean", "p95", "max", "min", "ciHigh", "ciLow"];

    public static BudgetStatistic? Parse(string name) => name switch
    {
        "mean" => BudgetStatistic.Mean,
        "p95" => BudgetStatistic.P95,
        "max" => BudgetStatistic.Max,
        "min" => BudgetStatistic.Min,
        "ciHigh" => BudgetStatistic.CiHigh,
        "ciLow" => BudgetStatistic.CiLow,
        _ => null,
    };

    public static string Name(this BudgetStatistic statistic) => Names[(int)statistic];

    public static double Select(this BudgetStatistic statistic, MetricStatistics stats) => statistic switch
    {
        BudgetStatistic.Mean => stats.Mean,
        BudgetStatistic.P95 => stats.P95,
        BudgetStatistic.Max => stats.Max,
        BudgetStatistic.Min => stats.Min,
        BudgetStatistic.CiHigh => stats.ConfidenceHigh,
        BudgetStatistic.CiLow => stats.ConfidenceLow,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic), statistic, null),
    };
}
