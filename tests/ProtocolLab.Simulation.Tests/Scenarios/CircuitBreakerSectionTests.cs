using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>designs[].circuitBreaker: a guard of ProtocolLab's market.</summary>
public sealed class CircuitBreakerSectionTests
{
    private const string Design = "      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }";

    [Fact]
    public void Load_CircuitBreaker_ReadsEveryFieldWithBorrowingOffByDefault()
    {
        // Given a design with a breaker
        var yaml = ScenarioYaml.With(Design, Design + "\n      circuitBreaker: { maxMove: 0.1, windowBlocks: 10, pauseBlocks: 25 }");

        // When it is loaded
        var breaker = ScenarioYaml.Load(yaml).Protocol.Designs[0].CircuitBreaker;

        // Then the fields are read and borrowing keeps going
        Assert.Equal(new CircuitBreakerSpec(0.1, 10, 25, false), breaker);
    }

    [Theory]
    [InlineData("{ maxMove: 1.2, windowBlocks: 10, pauseBlocks: 25 }", "protocol.designs[0].circuitBreaker.maxMove: expected a number greater than 0 and less than 1, found \"1.2\"")]
    [InlineData("{ maxMove: 0.1, windowBlocks: 300, pauseBlocks: 300 }", "protocol.designs[0].circuitBreaker.windowBlocks: expected a whole number from 1 to 256, found \"300\"")]
    [InlineData("{ maxMove: 0.1, windowBlocks: 10, pauseBlocks: 5 }", "protocol.designs[0].circuitBreaker.pauseBlocks: expected pauseBlocks at least windowBlocks 10")]
    [InlineData("{ maxMove: 0.1, windowBlocks: 10, pauseBlocks: 25, cooldown: 3 }", "protocol.designs[0].circuitBreaker.cooldown")]
    public void Load_BadCircuitBreaker_NamesTheField(string breaker, string expected)
    {
        // Given a breaker with one bad field
        var yaml = ScenarioYaml.With(Design, Design + "\n      circuitBreaker: " + breaker);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the error names the field and what was expected
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CircuitBreakerOnAave_IsRefused()
    {
        // Given Aave v3, whose Pool has no guard of ours
        var yaml = ScenarioYaml.With(Design, Design + "\n      circuitBreaker: { maxMove: 0.1, windowBlocks: 10, pauseBlocks: 25 }")
            .Replace("protocol:\n", "protocol:\n  kind: aave-v3\n", StringComparison.Ordinal);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the breaker is refused as a guard of ProtocolLab's own market
        Assert.Contains(errors, e => e.Contains("protocol.designs[0].circuitBreaker: expected no circuitBreaker on a real protocol", StringComparison.Ordinal));
    }
}
