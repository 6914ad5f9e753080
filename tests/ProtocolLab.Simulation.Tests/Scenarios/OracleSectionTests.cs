using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

public class OracleSectionTests
{
    private static string Oracle(string fields) => ScenarioYaml.With("  mode: exogenous\n", fields);

    [Fact]
    public void Parse_Chainlink_KeepsDeviationAndHeartbeat()
    {
        // Given a chainlink oracle with Chainlink ETH/USD's 0.5% and 1 h written out
        var yaml = Oracle("  mode: chainlink\n  deviationThreshold: 0.005\n  heartbeatSeconds: 3600\n");

        // When it is loaded
        var oracle = ScenarioYaml.Load(yaml).Oracle;

        // Then it is one keeper-pushed feed with no median and no delay
        Assert.Equal(new OracleSpec(OracleMode.Chainlink, 0.005, 3600, 1800), oracle);
        Assert.Equal([OracleMode.Chainlink], oracle.Feeds);
    }

    [Fact]
    public void Parse_MedianWithDelay_ListsTheSourcesInOrder()
    {
        // Given a median of three sources with a 10% guard behind an OSM-style one-hour delay
        var yaml = Oracle("  mode: median\n  sources: [chainlink, twap, spot]\n  maxDeviationPerUpdate: 0.1\n  delaySeconds: 3600\n");

        // When it is loaded
        var oracle = ScenarioYaml.Load(yaml).Oracle;

        // Then the sources keep their order and the other fields their values
        Assert.Equal(OracleMode.Median, oracle.Mode);
        Assert.Equal([OracleMode.Chainlink, OracleMode.Twap, OracleMode.Spot], oracle.Feeds);
        Assert.Equal(0.1, oracle.MaxDeviationPerUpdate);
        Assert.Equal(3600, oracle.DelaySeconds);
        Assert.Equal(oracle, ScenarioYaml.Load(yaml).Oracle);
    }

    [Fact]
    public void Parse_MedianWithoutGuard_DefaultsToLiquitysFiftyPercent()
    {
        // Given a median that names no guard
        var yaml = Oracle("  mode: median\n  sources: [exogenous, chainlink, market]\n");

        // When it is loaded, Then the guard is 50% and there is no delay
        var oracle = ScenarioYaml.Load(yaml).Oracle;
        Assert.Equal(0.5, oracle.MaxDeviationPerUpdate);
        Assert.Equal(0, oracle.DelaySeconds);
    }

    [Theory]
    [InlineData("  mode: median\n  sources: [chainlink, twap]\n", "test.yaml:27:12: oracle.sources: expected an odd number of sources from 3 to 7 (an even count has no single middle answer), found 2")]
    [InlineData("  mode: median\n  sources: [chainlink, twap, spot, spot, twap, spot, market, twap, spot]\n", "oracle.sources: expected an odd number of sources from 3 to 7 (an even count has no single middle answer), found 9")]
    [InlineData("  mode: median\n  sources: [chainlink, twp, spot]\n", "test.yaml:27:24: oracle.sources[1]: expected one of exogenous, chainlink, market, twap, spot, found \"twp\" (did you mean \"twap\"?)")]
    [InlineData("  mode: median\n  sources: [chainlink, median, spot]\n", "oracle.sources[1]: expected one of exogenous, chainlink, market, twap, spot, found \"median\"")]
    [InlineData("  mode: median\n", "test.yaml:26:3: oracle.sources: expected a list of 3, 5 or 7 sources, each one of exogenous, chainlink, market, twap, spot, found nothing (the field is missing)")]
    [InlineData("  mode: median\n  sources: chainlink\n", "oracle.sources: expected a list of 3, 5 or 7 sources, each one of exogenous, chainlink, market, twap, spot, found \"chainlink\"")]
    [InlineData("  mode: median\n  sources: [chainlink, twap, spot]\n  maxDeviationPerUpdate: 0\n", "oracle.maxDeviationPerUpdate: expected a number greater than 0 and at most 10, found \"0\"")]
    [InlineData("  mode: chainlink\n  sources: [chainlink, twap, spot]\n", "test.yaml:27:12: oracle.sources: expected no sources unless mode is median (mode is chainlink); remove it")]
    [InlineData("  mode: exogenous\n  maxDeviationPerUpdate: 0.1\n", "oracle.maxDeviationPerUpdate: expected no maxDeviationPerUpdate unless mode is median (mode is exogenous); remove it")]
    [InlineData("  mode: chainlink\n  delaySeconds: 100\n", "test.yaml:27:17: oracle.delaySeconds: expected a multiple of blockTimeSeconds (12) so that every hop is a whole number of blocks, found 100")]
    [InlineData("  mode: chainlink\n  delaySeconds: 7200\n", "oracle.delaySeconds: expected at most protocol.maxOracleAgeSeconds (3600): the delayed answer is republished once a hop, so a longer hop leaves the market on a stale answer; found 7200")]
    [InlineData("  mode: chainlink\n  delaySeconds: -12\n", "oracle.delaySeconds: expected a whole number from 0 to 604800, found \"-12\"")]
    public void Parse_BadOracleField_NamesFileLineFieldAndExpectation(string fields, string expected)
    {
        // Given the valid scenario with one bad oracle field
        var yaml = Oracle(fields);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the error names where and what was expected
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MedianMostlyOnThePairWithoutArbitrage_IsRefused()
    {
        // Given a median whose majority reads the pair, and no arbitrage to move the pair
        var yaml = Oracle("  mode: median\n  sources: [chainlink, twap, spot]\n")
            .Replace("arbitrageCapitalPerBlock: 10000", "arbitrageCapitalPerBlock: 0", StringComparison.Ordinal);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the median is named as an oracle that never sees the price path
        Assert.Contains(errors, e => e.Contains("oracle.mode: expected exogenous or chainlink, or an arbitrageur with capital, found median with 2 of its 3 sources reading the pair", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MedianMostlyOnTheFundamentalWithoutArbitrage_Loads()
    {
        // Given a median whose majority reads the fundamental price, and no arbitrage
        var yaml = Oracle("  mode: median\n  sources: [chainlink, exogenous, spot]\n")
            .Replace("arbitrageCapitalPerBlock: 10000", "arbitrageCapitalPerBlock: 0", StringComparison.Ordinal);

        // When it is loaded, Then it is accepted: two sources follow the price path
        Assert.Equal(OracleMode.Median, ScenarioYaml.Load(yaml).Oracle.Mode);
    }

    [Theory]
    [InlineData("aave-v3", "  mode: median\n  sources: [chainlink, twap, spot]\n", "oracle.mode: expected exogenous, chainlink, market, twap or spot on protocol.kind aave-v3 (the median feed is modelled for protocol.kind protocollab), found median")]
    [InlineData("morpho-blue", "  mode: chainlink\n  delaySeconds: 3600\n", "oracle.delaySeconds: expected 0 in protocol.kind morpho-blue (the delay module is modelled for ProtocolLab's lending market), found 3600")]
    public void Parse_MedianOrDelayOnARealProtocol_IsRefused(string kind, string fields, string expected)
    {
        // Given a real protocol's scenario with a median or a delay
        var yaml = Oracle(fields)
            .Replace("  designs:\n", $"  kind: {kind}\n  designs:\n", StringComparison.Ordinal)
            .Replace("closeFactor: 0.5, ", "", StringComparison.Ordinal);
        if (kind == "morpho-blue")
            yaml = yaml.Replace(", bonus: 0.05", "", StringComparison.Ordinal);

        // When it is loaded
        var errors = ScenarioYaml.Errors(yaml);

        // Then the oracle field is refused with the reason
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ChainlinkOnAave_Loads()
    {
        // Given Aave v3 with a chainlink oracle: a keeper-pushed feed, as AaveOracle reads
        var yaml = Oracle("  mode: chainlink\n")
            .Replace("  designs:\n", "  kind: aave-v3\n  designs:\n", StringComparison.Ordinal)
            .Replace("closeFactor: 0.5, ", "", StringComparison.Ordinal);

        // When it is loaded, Then it is accepted
        Assert.Equal(OracleMode.Chainlink, ScenarioYaml.Load(yaml).Oracle.Mode);
    }
}
