using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ProtocolLab.Cli.Check;

/// <summary>
/// JUnit XML as CI systems read it (GitHub, GitLab, Jenkins, Azure): one testsuite per scenario,
/// one testcase per budget and design, a failure element for an exceeded budget and an error
/// element for one that could not be evaluated (or a scenario whose runs did not complete).
/// </summary>
internal static class JUnitReport
{
    public static XDocument Build(string budgetFile, IReadOnlyList<(CheckedScenario Scenario, IReadOnlyList<BudgetCheck> Checks)> scenarios)
    {
        var suites = scenarios.Select(s => Suite(budgetFile, s.Scenario, s.Checks)).ToList();
        var root = new XElement("testsuites", new XAttribute("name", "protocollab check"));
        AddCounts(root, suites);
        root.Add(new XAttribute("time", Seconds(scenarios.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Scenario.Elapsed))));
        root.Add(suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    public static void Write(string path, XDocument document)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using (var writer = XmlWriter.Create(file, new XmlWriterSettings { Indent = true }))
            document.Save(writer);
        file.WriteLine();
    }

    private static XElement Suite(string budgetFile, CheckedScenario scenario, IReadOnlyList<BudgetCheck> checks)
    {
        var cases = checks.Select(Case).ToList();
        if (scenario.RunError is { } runError)
        {
            cases.Add(new XElement(
                "testcase",
                new XAttribute("classname", scenario.Name),
                new XAttribute("name", "run"),
                new XAttribute("time", "0"),
                new XElement("error", new XAttribute("message", runError), new XAttribute("type", "RunFailed"), runError)));
        }
        var suite = new XElement("testsuite", new XAttribute("name", scenario.Name));
        AddCounts(suite, cases);
        suite.Add(new XAttribute("time", Seconds(scenario.Elapsed)));
        suite.Add(new XElement(
            "properties",
            Property("scenario", scenario.Path),
            Property("seed", scenario.Seed.ToString(CultureInfo.InvariantCulture)),
            Property("budgets", budgetFile)));
        suite.Add(cases);
        return suite;
    }

    private static XElement Case(BudgetCheck check)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", $"{check.Scenario}.{check.Design}"),
            new XAttribute("name", $"{check.Budget.Metric} {check.Budget.Statistic.Name()} {check.Budget.Limit}"),
            new XAttribute("time", "0"));
        var detail = $"{check.Message}{Environment.NewLine}budget: {check.Budget.Source}";
        if (check.Status == BudgetStatus.Fail)
            element.Add(new XElement("failure", new XAttribute("message", check.Message), new XAttribute("type", "BudgetExceeded"), detail));
        else if (check.Status == BudgetStatus.Error)
            element.Add(new XElement("error", new XAttribute("message", check.Message), new XAttribute("type", "BudgetNotEvaluated"), detail));
        return element;
    }

    /// <summary>tests/failures/errors/skipped of <paramref name="element"/>, summed over testcases or testsuites.</summary>
    private static void AddCounts(XElement element, IReadOnlyList<XElement> children)
    {
        int Count(string name) => children.Sum(c => c.Name == "testcase"
            ? c.Elements(name).Any() ? 1 : 0
            : int.Parse(c.Attribute(name + "s")!.Value, CultureInfo.InvariantCulture));
        var tests = children.Sum(c => c.Name == "testcase" ? 1 : int.Parse(c.Attribute("tests")!.Value, CultureInfo.InvariantCulture));
        element.Add(
            new XAttribute("tests", tests),
            new XAttribute("failures", Count("failure")),
            new XAttribute("errors", Count("error")),
            new XAttribute("skipped", 0));
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
