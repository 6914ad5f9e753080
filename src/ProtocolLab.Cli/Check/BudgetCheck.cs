namespace ProtocolLab.Cli.Check;

internal enum BudgetStatus
{
    Pass,
    Fail,

    /// <summary>The budget could not be evaluated: the metric is absent or undefined in every run.</summary>
    Error,
}

/// <summary>
/// One budget applied to one design of one scenario. <see cref="WorstRun"/> is the run index
/// (0-based, as in run-000/) whose value was furthest toward the limit that matters; with the
/// scenario's <see cref="Seed"/> it names the run to replay. <see cref="Message"/> is the one
/// line printed for it.
/// </summary>
internal sealed record BudgetCheck(
    Budget Budget,
    string Scenario,
    string Design,
    BudgetStatus Status,
    double Value,
    int Count,
    int Runs,
    int? WorstRun,
    double? WorstValue,
    ulong Seed,
    string Message)
{
    /// <summary>"crash-30/fixed badDebtPercentOfInitialDebt p95"</summary>
    public string Subject => $"{Scenario}/{Design} {Budget.Metric} {Budget.Statistic.Name()}";
}
