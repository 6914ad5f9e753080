using System.Xml.Linq;
using ProtocolLab.Cli.Tests.Support;

namespace ProtocolLab.Cli.Tests.Commands;

/// <summary>`protocollab check` end to end: the real CLI, crash-30 on an embedded anvil.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), $"protocollab-check-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
    }

    private static string Budgets(string name) => Path.Combine(AppContext.BaseDirectory, "Commands", "Budgets", name);

    [Fact]
    public async Task Check_TightBudget_Exits1AndTheFailingLineNamesTheSeedAndReplay()
    {
        // Given crash-30 and a budget its fixed design cannot meet
        var junit = Path.Combine(_output, "junit.xml");

        // When the gate runs
        var result = await CliProcess.RunAsync("check", "scenarios/crash-30.yaml", "--budget", Budgets("tight.yaml"), "--output", _output, "--junit", junit, "--quiet");

        // Then exit 1, one FAIL line naming the budget, the seed, the run and the replay command; dynamic passes
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.StartsWith("FAIL crash-30/fixed badDebtPercentOfInitialDebt p95 = ", fail, StringComparison.Ordinal);
        Assert.Contains("> 5 (seed 20240312, worst run ", fail, StringComparison.Ordinal);
        Assert.EndsWith(": replay with protocollab run scenarios/crash-30.yaml --design fixed)", fail, StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("PASS crash-30/dynamic badDebtPercentOfInitialDebt p95 = ", StringComparison.Ordinal));
        Assert.Empty(result.Stderr);

        // And the JUnit file carries the same line as its failure
        var failure = Assert.Single(XDocument.Load(junit).Descendants("failure"));
        Assert.Equal(fail, (string?)failure.Attribute("message"));
    }

    [Fact]
    public async Task Check_ShippedBudgets_Exits0()
    {
        // Given the example budget file the README and docs/ci-example.yml use
        // When the gate runs on crash-30
        var result = await CliProcess.RunAsync("check", "scenarios/crash-30.yaml", "--budget", "scenarios/budgets.yaml", "--output", _output, "--quiet");

        // Then every budget holds
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.DoesNotContain("FAIL", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("all budgets hold", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_output, "crash-30", "fixed", "summary.json")));
    }

    [Fact]
    public async Task Check_BudgetForAnUnknownDesign_Exits2BeforeRunning()
    {
        var result = await CliProcess.RunAsync("check", "scenarios/crash-30.yaml", "--budget", Budgets("unknown-design.yaml"), "--output", _output, "--quiet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown-design.yaml:2:13: budgets[0].design: expected a design of crash-30 (fixed, dynamic) or \"*\", found \"fixd\"", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_output));
    }

    [Theory]
    [InlineData("check", "scenarios/crash-30.yaml")]
    [InlineData("check", "--budget", "scenarios/budgets.yaml")]
    public async Task Check_WithoutBudgetOrScenario_Exits2NotTheBudgetExceededCode(params string[] args)
    {
        var result = await CliProcess.RunAsync([.. args, "--output", _output]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: check needs ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OracleNeverSeesTheCrash_FailsOnTheWarningUnlessAllowed()
    {
        // Given a scenario whose budgets hold but whose oracle never sees its 30% crash
        var scenario = Budgets("blind-oracle.yaml");

        // When the gate runs, then again with --allow-warnings
        var strict = await CliProcess.RunAsync("check", scenario, "--budget", Budgets("blind-oracle-budgets.yaml"), "--output", _output, "--quiet");
        var allowed = await CliProcess.RunAsync("check", scenario, "--budget", Budgets("blind-oracle-budgets.yaml"), "--output", _output, "--quiet", "--allow-warnings");

        // Then the strict gate fails on a WARN line naming the design and the oracle, the lenient one passes
        Assert.True(strict.ExitCode == 1, $"exit {strict.ExitCode}\n{strict.Stdout}\n{strict.Stderr}");
        var warn = Assert.Single(strict.Stdout.Split('\n'), l => l.StartsWith("WARN ", StringComparison.Ordinal));
        Assert.StartsWith("WARN blind-oracle/fixed run 0: the price path fell 30% but the oracle at most ", warn, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, $"exit {allowed.ExitCode}\n{allowed.Stdout}\n{allowed.Stderr}");

        // And summary.json records the warning
        var summary = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "blind-oracle", "fixed", "summary.json")));
        Assert.Contains("oracle", Assert.Single(summary.RootElement.GetProperty("warnings").EnumerateArray()).GetString());
    }
}
