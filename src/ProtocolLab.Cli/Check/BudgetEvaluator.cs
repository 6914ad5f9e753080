using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Cli.Check;

/// <summary>
/// Applies budgets to a scenario's results: one <see cref="BudgetCheck"/> per budget and design it
/// applies to, in budget-file order, then design order. Pure: no I/O, no clock.
/// </summary>
internal static class BudgetEvaluator
{
    public static IReadOnlyList<BudgetCheck> Evaluate(CheckedScenario scenario, IReadOnlyList<Budget> budgets)
    {
        var checks = new List<BudgetCheck>();
        foreach (var budget in budgets)
        {
            foreach (var result in scenario.Results.Where(r => budget.AppliesTo(scenario.Name, r.Design.Name)))
            {
                var stats = result.Statistics.FirstOrDefault(s => s.Metric == budget.Metric);
                checks.Add(Check(scenario, result.Design.Name, result.Runs, stats, budget));
            }
        }
        return checks;
    }

    /// <summary>Error when any check could not be evaluated, else exceeded when any failed, else ok.</summary>
    public static int ExitCode(IEnumerable<BudgetCheck> checks)
    {
        var statuses = checks.Select(c => c.Status).ToList();
        if (statuses.Contains(BudgetStatus.Error))
            return Commands.ExitCodes.Error;
        return statuses.Contains(BudgetStatus.Fail) ? Commands.ExitCodes.BudgetExceeded : Commands.ExitCodes.Ok;
    }

    private static BudgetCheck Check(CheckedScenario scenario, string design, IReadOnlyList<RunSummary> runs, MetricStatistics? stats, Budget budget)
    {
        var subject = $"{scenario.Name}/{design} {budget.Metric} {budget.Statistic.Name()}";
        if (stats is null || stats.Count == 0)
        {
            var why = stats is null ? "the results have no such metric" : $"undefined in all {runs.Count} run{(runs.Count == 1 ? "" : "s")}";
            var message = $"ERROR {subject}: cannot check {budget.Limit}: {why} (budget at {budget.Source})";
            return new BudgetCheck(budget, scenario.Name, design, BudgetStatus.Error, double.NaN, 0, runs.Count, null, null, scenario.Seed, message);
        }

        var value = budget.Statistic.Select(stats);
        var exceeded = budget.Max is { } max && value > max ? $"> {BudgetNumber.Format(max)}" : null;
        var under = budget.Min is { } min && value < min ? $"< {BudgetNumber.Format(min)}" : null;
        // Toward the upper limit the worst run is the largest value, toward the lower limit the smallest.
        var upward = exceeded is not null || (under is null && budget.Max is not null);
        var (worstRun, worstValue) = Worst(runs, budget.Metric, upward);
        var shown = BudgetNumber.Format(value, (upward ? budget.Max : budget.Min) ?? value);
        var sample = stats.Count < runs.Count ? $" (defined in {stats.Count} of {runs.Count} runs)" : "";

        if (exceeded is null && under is null)
        {
            var pass = $"PASS {subject} = {shown} {budget.Limit}{sample}";
            return new BudgetCheck(budget, scenario.Name, design, BudgetStatus.Pass, value, stats.Count, runs.Count, worstRun, worstValue, scenario.Seed, pass);
        }

        var worst = worstRun is { } run ? $", worst run {run}" : "";
        var fail = $"FAIL {subject} = {shown} {exceeded ?? under}{sample} "
            + $"(seed {scenario.Seed}{worst}: replay with protocollab run {Shell.Quote(scenario.Path)} --design {Shell.Quote(design)})";
        return new BudgetCheck(budget, scenario.Name, design, BudgetStatus.Fail, value, stats.Count, runs.Count, worstRun, worstValue, scenario.Seed, fail);
    }

    /// <summary>The run with the largest (or smallest) defined value of the metric; the first one on a tie.</summary>
    private static (int? Run, double? Value) Worst(IReadOnlyList<RunSummary> runs, string metric, bool largest)
    {
        var index = SummaryMetrics.Names.ToList().IndexOf(metric);
        if (index < 0)
            return (null, null);
        (int? Run, double? Value) worst = (null, null);
        for (var run = 0; run < runs.Count; run++)
        {
            if (SummaryMetrics.Values(runs[run])[index] is not { } value || !double.IsFinite(value))
                continue;
            if (worst.Value is not { } current || (largest ? value > current : value < current))
                worst = (run, value);
        }
        return worst;
    }
}
