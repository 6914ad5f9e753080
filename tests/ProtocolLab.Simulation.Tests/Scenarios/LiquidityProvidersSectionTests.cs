using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class LiquidityProvidersSectionTests
{
    private const string Bot = "      gasBid: { strategy: fixed, priorityFeeGwei: 1 }\n";

    [Fact]
    public void Parse_NoSection_HasNoProviders()
    {
        Assert.Empty(ScenarioYaml.Load(ScenarioYaml.Valid).Agents.LiquidityProviders);
    }

    [Fact]
    public void Parse_TwoProviders_ReadsEachWithItsDefaults()
    {
        // Given a provider with only the required fields and one with every field
        var yaml = Providers("""
                - { name: passive, share: 0.5, withdrawAboveVolatility: 3, windowBlocks: 10 }
                - { name: skittish, share: 0.3, withdrawAboveVolatility: 1.5, returnBelowVolatility: 0.8, windowBlocks: 20, latencyBlocks: 2, watches: fundamental, priorityFeeGwei: 5 }
            """);

        // When it is loaded
        var providers = ScenarioYaml.Load(yaml).Agents.LiquidityProviders;

        // Then the first never returns, watches the pair and acts at once; the second is read as written
        Assert.Equal(
            [new LiquidityProviderSpec("passive", 0.5, 3, null, 10), new LiquidityProviderSpec("skittish", 0.3, 1.5, 0.8, 20, 2, WatchedPrice.Fundamental, 5)],
            providers);
    }

    [Theory]
    [InlineData("{ name: a, share: 0, withdrawAboveVolatility: 1, windowBlocks: 5 }", "agents.liquidityProviders[0].share: expected a number greater than 0 and at most 1, found \"0\"")]
    [InlineData("{ name: a, share: 1.5, withdrawAboveVolatility: 1, windowBlocks: 5 }", "agents.liquidityProviders[0].share: expected a number greater than 0 and at most 1, found \"1.5\"")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: -1, windowBlocks: 5 }", "agents.liquidityProviders[0].withdrawAboveVolatility: expected a number greater than 0 and at most 1000000")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, returnBelowVolatility: 2, windowBlocks: 5 }", "agents.liquidityProviders[0].returnBelowVolatility: expected a volatility below withdrawAboveVolatility (1), found 2")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, returnBelowVolatility: 0, windowBlocks: 5 }", "agents.liquidityProviders[0].returnBelowVolatility: expected a number greater than 0")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, windowBlocks: 0 }", "agents.liquidityProviders[0].windowBlocks: expected a whole number from 1 to 10000, found \"0\"")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, windowBlocks: 2.5 }", "agents.liquidityProviders[0].windowBlocks: expected a whole number from 1 to 10000")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, windowBlocks: 5, latencyBlocks: -1 }", "agents.liquidityProviders[0].latencyBlocks: expected a whole number from 0 to 1000")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, windowBlocks: 5, watches: oracle }", "agents.liquidityProviders[0].watches: expected one of pair, fundamental")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, windowBlocks: 5, priorityFeeGwei: -2 }", "agents.liquidityProviders[0].priorityFeeGwei: expected a number from 0 to 1000000")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1, windowBlock: 5 }", "agents.liquidityProviders[0].windowBlock: expected one of the fields")]
    [InlineData("{ share: 0.5, withdrawAboveVolatility: 1, windowBlocks: 5 }", "agents.liquidityProviders[0].name: expected a name")]
    [InlineData("{ name: a, withdrawAboveVolatility: 1, windowBlocks: 5 }", "agents.liquidityProviders[0].share: expected a number greater than 0 and at most 1, found nothing (the field is missing)")]
    [InlineData("{ name: a, share: 0.5, windowBlocks: 5 }", "agents.liquidityProviders[0].withdrawAboveVolatility: expected a number greater than 0 and at most 1000000, found nothing")]
    [InlineData("{ name: a, share: 0.5, withdrawAboveVolatility: 1 }", "agents.liquidityProviders[0].windowBlocks: expected a whole number from 1 to 10000, found nothing")]
    [InlineData("lp", "agents.liquidityProviders[0]: expected a mapping of fields")]
    public void Parse_BadField_NamesItAndWhatWasExpected(string entry, string error)
    {
        // Given one provider with one bad field
        var yaml = Providers($"    - {entry}\n");

        // When it is loaded, then the error names the field, its line and what was expected
        var errors = ScenarioYaml.Errors(yaml);
        Assert.Contains(errors, e => e.Contains(error, StringComparison.Ordinal) && e.StartsWith("test.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SharesAboveOneAndARepeatedName_NamesBoth()
    {
        // Given two providers of the same name whose shares exceed the pair
        var yaml = Providers("""
                - { name: a, share: 0.7, withdrawAboveVolatility: 1, windowBlocks: 5 }
                - { name: a, share: 0.6, withdrawAboveVolatility: 1, windowBlocks: 5 }
            """);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then both problems are reported, the sum on the list's line
        Assert.Contains(errors, e => e.Contains("agents.liquidityProviders[1].name: expected a liquidity provider name not used before, found \"a\" again", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("agents.liquidityProviders: expected shares that sum to at most 1 (the rest stays with the pair's owner), found 1.3", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyList_IsRefused()
    {
        var errors = ScenarioYaml.Errors(ScenarioYaml.With(Bot, Bot + "  liquidityProviders: []\n"));
        Assert.Contains(errors, e => e.Contains("agents.liquidityProviders: expected 1 to 32 liquidity providers, found 0", StringComparison.Ordinal));
    }

    private static string Providers(string entries) => ScenarioYaml.With(Bot, Bot + "  liquidityProviders:\n" + entries + (entries.EndsWith('\n') ? "" : "\n"));
}
