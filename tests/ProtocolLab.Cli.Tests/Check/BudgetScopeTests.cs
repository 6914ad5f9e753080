using ProtocolLab.Cli.Check;
using ProtocolLab.Cli.Tests.Support;

namespace ProtocolLab.Cli.Tests.Check;

public class BudgetScopeTests
{
    private static readonly ScenarioDesigns Crash30 = new("crash-30", ["fixed", "dynamic"]);

    [Fact]
    public void Validate_ScenarioNotChecked_IsAnErrorAtTheScenarioField()
    {
        // Given a budget for a scenario not on the command line (a typo would otherwise never gate anything)
        var budgets = SyntheticResults.Budgets("  - scenario: crash-31\n    design: fixed\n    metric: badDebt\n    statistic: max\n    max: 1\n");

        // When it is validated against crash-30
        var error = Assert.Single(BudgetScope.Validate(budgets, [Crash30]));

        // Then it says which scenarios are checked
        Assert.Equal("budgets.yaml:2:15: budgets[0].scenario: expected one of the scenarios checked (crash-30), found \"crash-31\"", error.ToString());
    }

    [Fact]
    public void Validate_DesignNotInScenario_ListsItsDesigns()
    {
        var budgets = SyntheticResults.Budgets("  - { design: fixd, metric: badDebt, statistic: max, max: 1 }\n");

        var error = Assert.Single(BudgetScope.Validate(budgets, [Crash30]));

        Assert.Equal("budgets.yaml:2:15: budgets[0].design: expected a design of crash-30 (fixed, dynamic) or \"*\", found \"fixd\"", error.ToString());
    }

    [Fact]
    public void Validate_WildcardAndKnownNames_AreFine()
    {
        var budgets = SyntheticResults.Budgets(
            "  - { design: \"*\", metric: badDebt, statistic: max, max: 1 }\n"
            + "  - { scenario: crash-30, design: dynamic, metric: badDebt, statistic: max, max: 1 }\n");

        Assert.Empty(BudgetScope.Validate(budgets, [Crash30, new ScenarioDesigns("slow-bleed", ["fixed"])]));
    }
}
