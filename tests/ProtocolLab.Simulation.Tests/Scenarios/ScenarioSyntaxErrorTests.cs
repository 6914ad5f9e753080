using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class ScenarioSyntaxErrorTests
{
    [Fact]
    public void Parse_YamlSyntaxError_ReportsItsPosition()
    {
        // Given a second colon on line 7, which YAML does not allow in a plain value
        var yaml = ScenarioYaml.With("initialPrice: 2000", "initialPrice: 2000: 3");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then a syntax error with a position is reported
        Assert.StartsWith("test.yaml:7:", error);
        Assert.Contains(": (syntax): expected valid YAML, found a syntax error", error);
    }

    [Fact]
    public void Parse_DuplicateKey_IsReportedAtTheSecondOne()
    {
        // Given seed twice, the second on line 3
        var yaml = ScenarioYaml.With("seed: 1\n", "seed: 1\nseed: 2\n");

        // When it is loaded
        var error = Assert.Single(ScenarioYaml.Errors(yaml));

        // Then the duplicate is named where it is
        Assert.StartsWith("test.yaml:3:1: (syntax): expected valid YAML, found a syntax error: Duplicate key seed", error);
    }

    [Theory]
    [InlineData("", "test.yaml:1:1: (file): expected exactly one YAML document, found 0")]
    [InlineData("just words", "test.yaml:1:1: (document): expected a mapping of fields, found \"just words\"")]
    public void Parse_NotAMapping_IsOneClearError(string yaml, string expected)
    {
        // Given an empty file or a bare scalar
        // When it is loaded
        // Then one error says what a scenario file must be
        Assert.Equal([expected], ScenarioYaml.Errors(yaml));
    }

    [Fact]
    public void ScenarioLoadException_Message_ListsEveryError()
    {
        // Given a scenario with two errors
        var yaml = ScenarioYaml.Valid.Replace("borrowers: 10", "borrowers: x").Replace("blocks: 10", "blocks: y");

        // When it is loaded
        var exception = Assert.Throws<ScenarioLoadException>(() => ScenarioYaml.Load(yaml));

        // Then the message counts and lists them
        Assert.StartsWith("The scenario is invalid (2 errors):", exception.Message);
        Assert.Contains("test.yaml:3:9: blocks:", exception.Message);
        Assert.Contains("test.yaml:17:14: population.borrowers:", exception.Message);
    }
}
