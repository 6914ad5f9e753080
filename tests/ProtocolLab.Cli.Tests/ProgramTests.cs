using ProtocolLab.Chain;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Tests;

public class ProgramTests
{
    [Fact]
    public void Report_ExpectedFailure_IsOneErrorLine()
    {
        // Given an expected failure (bad input)
        var failure = new UserInputException("scenarios/x.yaml: market.lenderSupply: too small");
        var stderr = new StringWriter();

        // When the program reports it
        var code = Program.Report(failure, stderr);

        // Then it is one line and exit code 2
        Assert.Equal(2, code);
        Assert.Equal("error: scenarios/x.yaml: market.lenderSupply: too small" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Report_InvalidOperationException_IsABugWithItsStackTrace()
    {
        // Given a genuine bug, thrown so it has a stack trace
        InvalidOperationException bug;
        try
        {
            throw new InvalidOperationException("the block loop needs a session clock");
        }
        catch (InvalidOperationException e)
        {
            bug = e;
        }
        var stderr = new StringWriter();

        // When the program reports it
        var code = Program.Report(bug, stderr);

        // Then the stack trace is shown, so the bug can be found
        Assert.Equal(2, code);
        Assert.Contains("InvalidOperationException", stderr.ToString());
        Assert.Contains(nameof(Report_InvalidOperationException_IsABugWithItsStackTrace), stderr.ToString());
    }

    [Fact]
    public void ExpectedFailureTypes_DeriveFromProtocolLabException()
    {
        // Given the failures the CLI must report as one line
        Type[] expected =
        [
            typeof(ScenarioLoadException), typeof(Simulation.Paths.CsvPriceFileException), typeof(Cli.Check.BudgetFileException),
            typeof(DevnetStartException), typeof(ExternalChainRefusedException), typeof(Chain.Rpc.RpcException),
            typeof(Chain.Artifacts.ArtifactException), typeof(Chain.Contracts.TransactionFailedException),
        ];

        // When / Then each is a ProtocolLabException, and the input ones are user input
        Assert.All(expected, t => Assert.True(typeof(ProtocolLabException).IsAssignableFrom(t), t.Name));
        Assert.True(typeof(UserInputException).IsAssignableFrom(typeof(ScenarioLoadException)));
        Assert.True(typeof(UserInputException).IsAssignableFrom(typeof(ExternalChainRefusedException)));
    }
}
