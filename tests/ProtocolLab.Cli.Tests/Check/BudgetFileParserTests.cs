using ProtocolLab.Cli.Check;
using ProtocolLab.Cli.Tests.Support;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Cli.Tests.Check;

public class BudgetFileParserTests
{
    private static IReadOnlyList<string> Errors(string yaml)
    {
        var e = Assert.Throws<BudgetFileException>(() => BudgetFileParser.Parse(yaml, "budgets.yaml"));
        return e.Errors.Select(x => x.ToString()).ToList();
    }

    [Fact]
    public void Parse_FullEntry_ReadsEveryField()
    {
        // Given one entry with every field
        var yaml = """
            budgets:
              - scenario: crash-30
                design: fixed
                metric: badDebtPercentOfInitialDebt
                statistic: p95
                min: 0
                max: 1_500
            """;

        // When it is parsed
        var budget = Assert.Single(BudgetFileParser.Parse(yaml, "budgets.yaml"));

        // Then every field is kept, and the entry knows where it is
        Assert.Equal(("crash-30", "fixed", "badDebtPercentOfInitialDebt", BudgetStatistic.P95, 0.0, 1500.0), (budget.Scenario, budget.Design, budget.Metric, budget.Statistic, budget.Min, budget.Max));
        Assert.Equal("budgets.yaml:2:5", budget.Source.ToString());
        Assert.Equal("in [0, 1500]", budget.Limit);
    }

    [Fact]
    public void Parse_NoScenario_AppliesToEveryScenario()
    {
        // Given an entry without scenario: for every design
        var budget = Assert.Single(SyntheticResults.Budgets("  - { design: \"*\", metric: amplificationRatio, statistic: mean, max: 2 }\n"));

        // Then it applies to any scenario and design
        Assert.Null(budget.Scenario);
        Assert.True(budget.AppliesTo("black-thursday", "dynamic"));
        Assert.Equal("<= 2", budget.Limit);
    }

    [Fact]
    public void Parse_UnknownMetric_ReportsFileLineColumnAndListsTheValidNames()
    {
        // Given a metric name that does not exist, on line 4 column 13
        var yaml = "budgets:\n  - design: fixed\n    statistic: p95\n    metric: badDebtP95\n    max: 1\n";

        // When it is parsed
        var error = Assert.Single(Errors(yaml));

        // Then the error names the place, the field and every valid metric
        Assert.StartsWith("budgets.yaml:4:13: budgets[0].metric: expected one of liquidationCount, collateralSeized,", error, StringComparison.Ordinal);
        Assert.All(SummaryMetrics.Names, name => Assert.Contains(name, error, StringComparison.Ordinal));
        Assert.EndsWith("found \"badDebtP95\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllOfThem()
    {
        // Given a bad statistic, a non-number limit, an unknown field, and an entry without a limit
        var yaml = """
            budgets:
              - design: fixed
                metric: badDebt
                statistic: median
                max: lots
                maximum: 3
              - design: dynamic
                metric: badDebt
                statistic: mean
            """;

        // When it is parsed
        var errors = Errors(yaml);

        // Then each is reported where it is
        Assert.Equal(
            [
                "budgets.yaml:6:5: budgets[0].maximum: expected one of the fields scenario, design, metric, statistic, min, max, found the unknown field \"maximum\"",
                "budgets.yaml:4:16: budgets[0].statistic: expected one of mean, p95, max, min, ciHigh, ciLow, found \"median\"",
                "budgets.yaml:5:10: budgets[0].max: expected a number, found \"lots\"",
                "budgets.yaml:7:5: budgets[1].max: expected max: and/or min: (a limit), found neither",
            ],
            errors);
    }

    [Fact]
    public void Parse_MinAboveMax_IsAnError()
    {
        var errors = Errors("budgets:\n  - { design: fixed, metric: badDebt, statistic: max, min: 10, max: 5 }\n");

        Assert.Equal(["budgets.yaml:2:60: budgets[0].min: expected min at most max (5), found 10"], errors);
    }

    [Fact]
    public void Parse_MissingDesignAndMetric_PointAtTheEntry()
    {
        var errors = Errors("budgets:\n  - statistic: p95\n    max: 1\n");

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("budgets.yaml:2:5: budgets[0].design: expected a design name or \"*\" (every design), found nothing (the field is missing)", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("budgets.yaml:2:5: budgets[0].metric: expected one of liquidationCount", errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("budgets: []\n", "budgets.yaml:1:10: budgets: expected a list of at least one budget, found a list")]
    [InlineData("budget:\n  - {}\n", "budgets.yaml:1:1: budget: expected one of the fields budgets, found the unknown field \"budget\"")]
    [InlineData("- design: fixed\n", "budgets.yaml:1:1: (document): expected a mapping with a budgets: list, found a list")]
    [InlineData("budgets:\n  - design: [fixed\n", "budgets.yaml:3:1: (syntax): expected valid YAML")]
    public void Parse_WrongShape_SaysWhatWasExpected(string yaml, string expected)
    {
        var errors = Errors(yaml);

        Assert.StartsWith(expected, errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedExample_IsValid()
    {
        // Given scenarios/budgets.yaml, the file the README and the CI example use
        var path = Path.Combine(RepoPaths.Root, "scenarios", "budgets.yaml");

        // When it is loaded
        var budgets = BudgetFileParser.Load(path, "scenarios/budgets.yaml");

        // Then it has budgets, each with a limit
        Assert.NotEmpty(budgets);
        Assert.All(budgets, b => Assert.True(b.Min is not null || b.Max is not null));
    }

    [Fact]
    public void Load_NonUtf8File_IsAnErrorNamingFileAndLine()
    {
        // Given a budget file with a Latin-1 byte (0xB5, 'µ') in a comment on line 2
        var path = Path.Combine(Directory.CreateTempSubdirectory("protocollab-").FullName, "budgets.yaml");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("budgets:\n  # \u00b5 budget\n  - { scenario: crash-30, metric: badDebt, max: 1 }\n"));

        // When it is loaded
        var exception = Assert.Throws<BudgetFileException>(() => BudgetFileParser.Load(path, "budgets.yaml"));

        // Then the error names the file, the line and what was expected
        var error = Assert.Single(exception.Errors).ToString();
        Assert.StartsWith("budgets.yaml:2:", error);
        Assert.Contains("expected UTF-8 text, found byte 0xB5 at byte offset 13", error);
    }

    [Fact]
    public void Parse_UnclosedFlowMapping_NamesTheLineOfItsBrace()
    {
        // Given an entry on line 2 whose flow mapping is never closed
        var yaml = "budgets:\n  - { scenario: crash-30, metric: badDebt, max: 1\n";

        // When it is parsed
        var error = Assert.Single(Errors(yaml));

        // Then the error points at the brace
        Assert.StartsWith("budgets.yaml:2:5: (syntax): expected a '}' closing this '{'", error);
    }
}
