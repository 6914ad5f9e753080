using System.Xml.Linq;
using ProtocolLab.Cli.Check;
using static ProtocolLab.Cli.Tests.Support.SyntheticResults;

namespace ProtocolLab.Cli.Tests.Check;

public class JUnitReportTests
{
    private static (CheckedScenario, IReadOnlyList<BudgetCheck>) Evaluated(CheckedScenario scenario, string budgets) =>
        (scenario, BudgetEvaluator.Evaluate(scenario, Budgets(budgets)));

    [Fact]
    public void Build_PassAndFail_OneSuitePerScenarioOneCasePerCheckWithTheFailureMessage()
    {
        // Given fixed over budget and dynamic within it
        var scenario = Scenario(Design("fixed", Run(badDebtPercent: 18.2)), Design("dynamic", Run(badDebtPercent: 9)));
        var evaluated = Evaluated(scenario, "  - { design: \"*\", metric: badDebtPercentOfInitialDebt, statistic: p95, max: 15 }\n");

        // When the report is written and read back as XML
        var path = Path.Combine(Path.GetTempPath(), $"protocollab-junit-{Guid.NewGuid():N}", "junit.xml");
        JUnitReport.Write(path, JUnitReport.Build("budgets.yaml", [evaluated]));
        var xml = XDocument.Load(path);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

        // Then it is well-formed JUnit: counts on both levels, the failure carries the replay line
        var root = xml.Root!;
        Assert.Equal(("testsuites", "2", "1", "0"), (root.Name.LocalName, (string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("errors")));
        var suite = Assert.Single(root.Elements("testsuite"));
        Assert.Equal(("crash-30", "2", "1"), ((string?)suite.Attribute("name"), (string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
        Assert.Equal("20240312", suite.Descendants("property").Single(p => (string?)p.Attribute("name") == "seed").Attribute("value")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(["crash-30.fixed", "crash-30.dynamic"], cases.Select(c => (string?)c.Attribute("classname")));
        Assert.Equal("badDebtPercentOfInitialDebt p95 <= 15", (string?)cases[0].Attribute("name"));
        var failure = Assert.Single(cases[0].Elements("failure"));
        Assert.Equal(
            "FAIL crash-30/fixed badDebtPercentOfInitialDebt p95 = 18.2 > 15 (seed 20240312, worst run 0: replay with protocollab run scenarios/crash-30.yaml --design fixed)",
            (string?)failure.Attribute("message"));
        Assert.Contains("budget: budgets.yaml:2:5", failure.Value, StringComparison.Ordinal);
        Assert.Empty(cases[1].Elements());
    }

    [Fact]
    public void Build_UncheckableBudget_IsAnErrorElement()
    {
        var scenario = Scenario(Design("fixed", Run(amplification: null)));
        var evaluated = Evaluated(scenario, "  - { design: fixed, metric: amplificationRatio, statistic: p95, max: 2.5 }\n");

        var xml = XDocument.Parse(JUnitReport.Build("budgets.yaml", [evaluated]).ToString());

        Assert.Equal("1", (string?)xml.Root!.Attribute("errors"));
        Assert.Equal("BudgetNotEvaluated", (string?)xml.Descendants("error").Single().Attribute("type"));
    }

    [Fact]
    public void Build_ScenarioThatDidNotComplete_HasAnErroredRunCase()
    {
        // Given a scenario whose devnet died, so nothing was evaluated
        var scenario = Scenario() with { RunError = "the devnet stopped answering: <anvil> exited & took \"everything\"" };

        // When the report is built
        var xml = XDocument.Parse(JUnitReport.Build("budgets.yaml", [(scenario, [])]).ToString());

        // Then the suite has one errored testcase with the message, escaped and intact
        var testCase = Assert.Single(xml.Descendants("testcase"));
        Assert.Equal("run", (string?)testCase.Attribute("name"));
        Assert.Equal(scenario.RunError, (string?)testCase.Element("error")!.Attribute("message"));
        Assert.Equal(("1", "1"), ((string?)xml.Root!.Attribute("tests"), (string?)xml.Root.Attribute("errors")));
    }
}
