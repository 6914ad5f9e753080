using ProtocolLab.Simulation.Scenarios;
using ProtocolLab.Simulation.Scenarios.Options;

namespace ProtocolLab.Simulation.Tests.Scenarios.Options;

/// <summary>The options section and option margin designs: what they parse into and how a bad field is reported.</summary>
public class OptionsSectionTests
{
    private static string ShippedText => File.ReadAllText(Path.Combine(RepoPaths.Root, "scenarios", "options-put-writers-crash.yaml"));

    [Theory]
    [InlineData("options-put-writers-crash.yaml")]
    [InlineData("options-covered-call-spiral.yaml")]
    [InlineData("options-iv-spike.yaml")]
    public void Load_ShippedOptionsScenario_HasFixedAndRiskBasedOptionDesigns(string file)
    {
        // Given a shipped options scenario
        // When it is loaded
        var scenario = ScenarioLoader.Load(Path.Combine(RepoPaths.Root, "scenarios", file));

        // Then it is an options scenario comparing the two option margin models
        Assert.NotNull(scenario.Options);
        Assert.Equal([MarginModelKind.OptionFixed, MarginModelKind.OptionRiskBased], scenario.Protocol.Designs.Select(d => d.Model));
        Assert.IsType<FixedOptionMarginSpec>(scenario.Protocol.Designs[0].OptionMargin);
        Assert.IsType<RiskBasedOptionMarginSpec>(scenario.Protocol.Designs[1].OptionMargin);
    }

    [Fact]
    public void Parse_PutWritersCrash_ReadsSeriesWritersHedgersAndVolatility()
    {
        // Given the put-writers scenario
        // When it is parsed
        var o = Parse(ShippedText).Options!;

        // Then every field arrives as written
        var series = Assert.Single(o.Series);
        Assert.Equal(new OptionSeriesSpec(false, false, 0.9, 2_592_000), series);
        Assert.Equal(new OptionWritersSpec(40, 5, 30, 1.0, 1.4), o.Writers);
        Assert.Equal(new OptionBuyersSpec(4, 0.3), o.Buyers);
        Assert.Equal(new OptionHedgersSpec(2, 150, 0, 3, 0), o.Hedgers);
        Assert.Equal(new VolatilitySpec(0.6, 0.2, 1.5, 0.9995), o.Volatility);
        Assert.Equal(0.1, o.LiquidationPenalty);
    }

    [Fact]
    public void Parse_ImpliedVolatilitySpikeAndBand_AreRead()
    {
        // Given a spike at block 8 and a 5% rebalancing band
        var yaml = ShippedText
            .Replace("impliedVolatility: { initial: 0.6 }", "impliedVolatility: { initial: 0.6, spike: { at: 8, to: 1.2 } }")
            .Replace("rebalance: everyBlock", "rebalance: { band: 0.05 }");

        // When it is parsed
        var o = Parse(yaml).Options!;

        // Then the path switches at block 8 and the band is kept
        Assert.Equal(0.6, o.ImpliedVolatility.At(7));
        Assert.Equal(1.2, o.ImpliedVolatility.At(8));
        Assert.Equal(0.05, o.Hedgers.Band);
    }

    [Theory]
    [InlineData("{ type: put, strike: 0.90, expirySeconds: 2_592_000 }", "{ type: put, strike: 0.90, expirySeconds: 2_592_000, underlyingCollateral: true }",
        "options.series[0].underlyingCollateral: expected false for a put (only calls may be collateralized with the underlying), found true")]
    [InlineData("type: put,", "type: straddle,", "options.series[0].type: expected one of put, call")]
    [InlineData("collateralRatio: { min: 1.0, max: 1.4 }", "collateralRatio: { min: 0.5, max: 1.4 }", "options.writers.collateralRatio.min: expected a number from 1 to 100, found \"0.5\"")]
    [InlineData("rebalance: everyBlock", "rebalance: sometimes", "options.hedgers.rebalance: expected one of everyBlock")]
    [InlineData("    series: 0\n", "    series: 3\n", "options.hedgers.series: expected the index of a series in options.series (0 to 0), found 3")]
    [InlineData("mode: market", "mode: twap", "oracle.mode: expected exogenous, chainlink or market in an options scenario (the vault reads a push feed), found twap")]
    [InlineData("gridPoints: 7", "gridPoints: 8", "expected an odd number of grid points")]
    [InlineData("model: optionFixed", "model: fixed", "protocol.designs[0].model: expected one of optionFixed, optionRiskBased, found \"fixed\"")]
    public void Parse_BadOptionsField_NamesFileLineFieldAndExpectation(string old, string replacement, string expected)
    {
        // Given the shipped scenario with one bad field
        var yaml = ShippedText.Replace(old, replacement);
        Assert.NotEqual(ShippedText, yaml);

        // When it is parsed
        var errors = ScenarioYaml.Errors(yaml);

        // Then one error names the file, a position, the field and what was expected
        var error = Assert.Single(errors);
        Assert.Matches(@"^test\.yaml:\d+:\d+: ", error);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Parse_PopulationInOptionsScenario_IsRejected()
    {
        // Given an options scenario that also has a borrower population
        var yaml = ShippedText + "\npopulation:\n  borrowers: 10\n";

        // When it is parsed
        var errors = ScenarioYaml.Errors(yaml);

        // Then the population is named as not belonging there
        Assert.Contains(errors, e => e.Contains("population: expected no population in an options scenario"));
    }

    [Fact]
    public void Parse_OptionModelWithoutOptionsSection_IsRejected()
    {
        // Given a lending scenario whose first design names an option margin model
        var yaml = ScenarioYaml.With("model: fixed", "model: optionFixed");

        // When it is parsed
        var errors = ScenarioYaml.Errors(yaml);

        // Then the design is rejected with the reason
        Assert.Contains(errors, e => e.Contains("protocol.designs[0].model: expected one of fixed, dynamic, custom, tiered, found \"optionFixed\""));
    }

    [Fact]
    public void Parse_OptionAmountsBeyondWhatTheVaultHolds_AreErrors()
    {
        // Given writers of up to 1e70 options each and hedgers of 1e70 options (their collateral overflows uint256)
        var yaml = ShippedText.Replace("size: { min: 5, max: 30 }", "size: { min: 5, max: 1e70 }").Replace("optionsEach: 150", "optionsEach: 1e70");

        // When it is loaded
        var errors = Assert.Throws<ScenarioLoadException>(() => Parse(yaml)).Errors.Select(e => e.ToString()).ToList();

        // Then both are refused with the bound
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("options.writers.size.max: expected a number greater than 0 and at most 1000000000000000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("options.hedgers.optionsEach: expected a number greater than 0 and at most 1000000000000000", StringComparison.Ordinal));
    }

    private static Scenario Parse(string yaml) => ScenarioLoader.Parse(yaml, "test.yaml", RepoPaths.Root);
}
