using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class LiquidatorConfigTests
{
    [Fact]
    public void FromSpec_ScenarioLiquidator_ConvertsWholeTokensToBaseUnits()
    {
        // Given a scenario liquidator with 1.5M USDC of capital and a 20.5 USDC minimum profit
        var spec = new LiquidatorSpec("slow", 1_500_000, 2, new FixedGasBidSpec(2), 20.5, new TwapSellSpec(5));

        // When converted for a 6-decimal loan asset
        var config = LiquidatorConfig.FromSpec(spec, new MarketUnits(18, 6));

        // Then amounts are base units and strategies are built
        Assert.Equal(new BigInteger(1_500_000_000_000), config.Capital);
        Assert.Equal(new BigInteger(20_500_000), config.MinProfit);
        Assert.Equal(2, config.ReactionDelayBlocks);
        Assert.Equal(5, Assert.IsType<TwapStrategy>(config.Sell).Blocks);
        Assert.IsType<FixedGasBid>(config.GasBid);
    }
}
