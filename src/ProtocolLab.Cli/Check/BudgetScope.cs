namespace ProtocolLab.Cli.Check;

/// <summary>A scenario about to be checked, as far as budgets care: its name and its designs.</summary>
internal sealed record ScenarioDesigns(string Name, IReadOnlyList<string> Designs);

/// <summary>
/// Checks, before anything runs, that every budget applies to something being checked: a budget
/// naming a scenario or design that is not there would otherwise pass silently, forever.
/// </summary>
internal static class BudgetScope
{
    public static IReadOnlyList<BudgetError> Validate(IReadOnlyList<Budget> budgets, IReadOnlyList<ScenarioDesigns> scenarios)
    {
        var errors = new List<BudgetError>();
        var names = string.Join(", ", scenarios.Select(s => s.Name));
        foreach (var budget in budgets)
        {
            if (budget.Scenario is { } name && scenarios.All(s => s.Name != name))
            {
                errors.Add(new BudgetError(budget.ScenarioSource, budget.Field("scenario"), $"expected one of the scenarios checked ({names}), found \"{name}\""));
                continue;
            }
            if (budget.Design == Budget.AnyDesign)
                continue;
            foreach (var scenario in scenarios.Where(s => budget.AppliesTo(s.Name) && !s.Designs.Contains(budget.Design)))
            {
                errors.Add(new BudgetError(
                    budget.DesignSource,
                    budget.Field("design"),
                    $"expected a design of {scenario.Name} ({string.Join(", ", scenario.Designs)}) or \"*\", found \"{budget.Design}\""));
            }
        }
        return errors;
    }
}
