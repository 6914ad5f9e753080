using ProtocolLab.Cli.Check;
using ProtocolLab.Cli.Commands;
using static ProtocolLab.Cli.Tests.Support.SyntheticResults;

namespace ProtocolLab.Cli.Tests.Check;

public class BudgetEvaluatorTests
{
    private const string BadDebtP95Max15 = "  - { design: fixed, metric: badDebtPercentOfInitialDebt, statistic: p95, max: 15 }\n";

    [Fact]
    public void Evaluate_WithinBudget_PassesWithValueAndLimit()
    {
        // Given one run at 12.5% bad debt against a 15% budget
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 12.5)));

        // When the budget is evaluated
        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, Budgets(BadDebtP95Max15)));

        // Then it passes, and the line says by how much
        Assert.Equal(BudgetStatus.Pass, check.Status);
        Assert.Equal("PASS crash-30/fixed badDebtPercentOfInitialDebt p95 = 12.5 <= 15", check.Message);
        Assert.Equal(ExitCodes.Ok, BudgetEvaluator.ExitCode([check]));
    }

    [Fact]
    public void Evaluate_Exceeded_FailLineNamesBudgetSeedWorstRunAndReplay()
    {
        // Given three runs, the second the worst
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 10), Run(badDebtPercent: 20), Run(badDebtPercent: 5)));

        // When a p95 <= 15 budget is evaluated (type-7 p95 of 5, 10, 20 is 19)
        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, Budgets(BadDebtP95Max15)));

        // Then one line says what broke, the seed, the run, and how to replay it
        Assert.Equal(BudgetStatus.Fail, check.Status);
        Assert.Equal(
            "FAIL crash-30/fixed badDebtPercentOfInitialDebt p95 = 19 > 15 (seed 20240312, worst run 1: replay with protocollab run scenarios/crash-30.yaml --design fixed)",
            check.Message);
        Assert.Equal((1, 20.0), (check.WorstRun, check.WorstValue));
        Assert.Equal(ExitCodes.BudgetExceeded, BudgetEvaluator.ExitCode([check]));
    }

    [Fact]
    public void Evaluate_BelowMinimum_FailsAndTheWorstRunIsTheSmallest()
    {
        // Given liquidation counts 40, 3, 50 and a floor of 5 on the minimum
        var scenario = Scenario(Design("fixed", Run(liquidations: 40), Run(liquidations: 3), Run(liquidations: 50)));
        var budgets = Budgets("  - { design: fixed, metric: liquidationCount, statistic: min, min: 5, max: 100 }\n");

        // When it is evaluated
        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, budgets));

        // Then it fails on the lower bound, naming run 1
        Assert.Equal(BudgetStatus.Fail, check.Status);
        Assert.StartsWith("FAIL crash-30/fixed liquidationCount min = 3 < 5 (seed 20240312, worst run 1: ", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mean", "Pass", 11.667)]
    [InlineData("p95", "Fail", 19)]
    [InlineData("max", "Fail", 20)]
    [InlineData("min", "Pass", 5)]
    [InlineData("ciLow", "Pass", 0)] // t gives -7.306; bad debt cannot be negative, so the interval is cut at 0
    [InlineData("ciHigh", "Fail", 30.64)]
    public void Evaluate_Statistic_SelectsWhichNumberIsLimited(string statistic, string expected, double value)
    {
        // Given bad debt 10, 20, 5 in three runs
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 10), Run(badDebtPercent: 20), Run(badDebtPercent: 5)));
        var budgets = Budgets($"  - {{ design: fixed, metric: badDebtPercentOfInitialDebt, statistic: {statistic}, max: 15 }}\n");

        // When a <= 15 budget on that statistic is evaluated
        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, budgets));

        // Then the statistic chosen is the one compared
        Assert.Equal(Enum.Parse<BudgetStatus>(expected), check.Status);
        Assert.Equal(value, check.Value, 3);
    }

    [Fact]
    public void Evaluate_MetricUndefinedInEveryRun_IsAnErrorNotAPass()
    {
        // Given no run where the amplification ratio is defined (no fundamental drawdown)
        var scenario = Scenario(Design("fixed", Run(amplification: null), Run(amplification: null)));
        var budgets = Budgets("  - { design: fixed, metric: amplificationRatio, statistic: p95, max: 2.5 }\n");

        // When it is evaluated
        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, budgets));

        // Then the gate cannot say it holds: an error, exit 2
        Assert.Equal(BudgetStatus.Error, check.Status);
        Assert.Equal("ERROR crash-30/fixed amplificationRatio p95: cannot check <= 2.5: undefined in all 2 runs (budget at budgets.yaml:2:5)", check.Message);
        Assert.Equal(ExitCodes.Error, BudgetEvaluator.ExitCode([check]));
    }

    [Fact]
    public void Evaluate_MetricAbsentFromResults_IsAnError()
    {
        // Given results without any statistics
        var design = Design("fixed", Run()) with { Statistics = [] };

        // When a budget asks for one
        var check = Assert.Single(BudgetEvaluator.Evaluate(Scenario(design), Budgets(BadDebtP95Max15)));

        // Then it is reported as missing
        Assert.Equal(BudgetStatus.Error, check.Status);
        Assert.Contains("the results have no such metric", check.Message, StringComparison.Ordinal);
        Assert.Null(check.WorstRun);
    }

    [Fact]
    public void Evaluate_MetricDefinedInSomeRuns_SaysHowMany()
    {
        var scenario = Scenario(Design("fixed", Run(amplification: 2.0), Run(amplification: null)));
        var budgets = Budgets("  - { design: fixed, metric: amplificationRatio, statistic: max, max: 2.5 }\n");

        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, budgets));

        Assert.Equal("PASS crash-30/fixed amplificationRatio max = 2 <= 2.5 (defined in 1 of 2 runs)", check.Message);
        Assert.Equal(0, check.WorstRun);
    }

    [Fact]
    public void Evaluate_Wildcard_ChecksEveryDesignInOrder_NamedDesignOnlyItself()
    {
        // Given two designs, one budget for every design and one for dynamic only
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 16)), Design("dynamic", Run(badDebtPercent: 9)));
        var budgets = Budgets(
            "  - { design: \"*\", metric: badDebtPercentOfInitialDebt, statistic: mean, max: 15 }\n"
            + "  - { scenario: crash-30, design: dynamic, metric: badDebtPercentOfInitialDebt, statistic: mean, max: 10 }\n"
            + "  - { scenario: other, design: \"*\", metric: badDebt, statistic: mean, max: 0 }\n");

        // When they are evaluated
        var checks = BudgetEvaluator.Evaluate(scenario, budgets);

        // Then three checks, in budget then design order; the other scenario's budget is not applied here
        Assert.Equal(
            [("fixed", BudgetStatus.Fail), ("dynamic", BudgetStatus.Pass), ("dynamic", BudgetStatus.Pass)],
            checks.Select(c => (c.Design, c.Status)));
    }

    [Fact]
    public void Evaluate_ErrorOutranksFailure_InTheExitCode()
    {
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 16, amplification: null)));
        var budgets = Budgets(BadDebtP95Max15 + "  - { design: fixed, metric: amplificationRatio, statistic: p95, max: 2.5 }\n");

        var checks = BudgetEvaluator.Evaluate(scenario, budgets);

        Assert.Equal([BudgetStatus.Fail, BudgetStatus.Error], checks.Select(c => c.Status));
        Assert.Equal(ExitCodes.Error, BudgetEvaluator.ExitCode(checks));
    }

    [Fact]
    public void Evaluate_ValueThatRoundsToTheLimit_IsPrintedExactly()
    {
        // Given 15.0004 against <= 15: three decimals would print "15 > 15"
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 15.0004)));

        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, Budgets(BadDebtP95Max15)));

        Assert.StartsWith("FAIL crash-30/fixed badDebtPercentOfInitialDebt p95 = 15.0004 > 15 (", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PathWithSpace_ReplayCommandIsQuoted()
    {
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 20))) with { Path = "my scenarios/crash 30.yaml" };

        var check = Assert.Single(BudgetEvaluator.Evaluate(scenario, Budgets(BadDebtP95Max15)));

        Assert.EndsWith("replay with protocollab run 'my scenarios/crash 30.yaml' --design fixed)", check.Message, StringComparison.Ordinal);
    }
}
