using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Scenarios;

/// <summary>designs[].liquidation: the market's own liquidation or a liquidation module.</summary>
public sealed class LiquidationSectionTests
{
    private const string Design = "      parameters: { initialLtv: 0.75, liquidationThreshold: 0.8, closeFactor: 0.5, bonus: 0.05 }";

    private static LiquidationMechanismSpec? Load(string liquidation) =>
        ScenarioYaml.Load(ScenarioYaml.With(Design, Design + "\n      liquidation: " + liquidation)).Protocol.Designs[0].Liquidation;

    [Fact]
    public void Load_NoLiquidationOrKindMarket_IsTheMarketsOwn()
    {
        Assert.Null(ScenarioYaml.Load(ScenarioYaml.With(Design, Design)).Protocol.Designs[0].Liquidation);
        Assert.Null(Load("{ kind: market }"));
    }

    [Fact]
    public void Load_DutchAuction_DefaultsToMakersExponentialClipper()
    {
        Assert.Equal(new DutchAuctionSpec(1.2, 0.13, true, 90, 0.99, 8_400, 0.4, 0.001, 300), Load("{ kind: dutchAuction }"));
    }

    [Fact]
    public void Load_LinearDutchAuction_ReadsEveryField()
    {
        var spec = Load("{ kind: dutchAuction, startBuffer: 1.1, penalty: 0.05, decay: linear, decaySeconds: 600, resetAfterSeconds: 900, resetBelow: 0.5, kickerShare: 0, kickerTip: 0 }");
        Assert.Equal(new DutchAuctionSpec(1.1, 0.05, false, 600, 0, 900, 0.5, 0, 0), spec);
    }

    [Fact]
    public void Load_EnglishAuction_DefaultsToTheFlipperOfMarch2020()
    {
        Assert.Equal(new EnglishAuctionSpec(0.03, 600, 21_600, 0.13), Load("{ kind: englishAuction }"));
    }

    [Fact]
    public void Load_StabilityPool_ReadsDepositsAndCallerShare()
    {
        Assert.Equal(new StabilityPoolSpec(2_000_000, 0.005), Load("{ kind: stabilityPool, deposits: 2_000_000 }"));
    }

    [Theory]
    [InlineData("{ kind: auction }", "protocol.designs[0].liquidation.kind: expected one of market, dutchAuction, englishAuction, stabilityPool")]
    [InlineData("{ kind: dutchAuction, startBuffer: 0.9 }", "protocol.designs[0].liquidation.startBuffer: expected a number from 1 to 10, found \"0.9\"")]
    [InlineData("{ kind: dutchAuction, decay: linear, cut: 0.99 }", "protocol.designs[0].liquidation.cut")]
    [InlineData("{ kind: dutchAuction, resetBelow: 1 }", "protocol.designs[0].liquidation.resetBelow: expected a number greater than 0 and less than 1, found \"1\"")]
    [InlineData("{ kind: englishAuction, minIncrement: 0 }", "protocol.designs[0].liquidation.minIncrement: expected a number greater than 0 and at most 1, found \"0\"")]
    [InlineData("{ kind: stabilityPool }", "protocol.designs[0].liquidation.deposits")]
    [InlineData("{ kind: stabilityPool, deposits: 1000, callerShare: 0.2 }", "protocol.designs[0].liquidation.callerShare: expected a number from 0 to 0.05, found \"0.2\"")]
    public void Load_BadLiquidation_NamesTheField(string liquidation, string expected)
    {
        var errors = ScenarioYaml.Errors(ScenarioYaml.With(Design, Design + "\n      liquidation: " + liquidation));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_AuctionOnMorpho_IsRefused()
    {
        var yaml = ScenarioYaml.With(Design, Design + "\n      liquidation: { kind: dutchAuction }")
            .Replace("protocol:\n", "protocol:\n  kind: morpho-blue\n", StringComparison.Ordinal);
        Assert.Contains(ScenarioYaml.Errors(yaml), e => e.Contains("protocol.designs[0].liquidation.kind: expected kind market on a real protocol", StringComparison.Ordinal));
    }
}
