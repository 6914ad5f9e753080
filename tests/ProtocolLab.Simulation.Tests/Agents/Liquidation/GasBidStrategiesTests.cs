using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class GasBidStrategiesTests
{
    private static readonly MarketUnits Units = new(18, 6);
    private static readonly GasMarket Gas = new(BigInteger.Zero, 500_000, 2000);

    [Fact]
    public void PriorityFeeWei_HalfOfThousandUsdcProfit_Is500Gwei()
    {
        // Given 1,000 USDC of profit, ETH at 2000 (= 0.5 ETH), half of it tipped over 500k gas
        var strategy = new ProportionalGasBid(0.5);

        // When the tip is computed
        var tip = strategy.PriorityFeeWei(1_000_000_000, Gas, Units);

        // Then it is 0.25 ETH / 500,000 gas = 500 gwei
        Assert.Equal(new BigInteger(500_000_000_000), tip);
    }

    [Fact]
    public void PriorityFeeWei_NoProfit_TipsNothing()
    {
        // Given a loss-making liquidation
        // When / Then a proportional bidder tips nothing
        Assert.Equal(BigInteger.Zero, new ProportionalGasBid(0.9).PriorityFeeWei(-5, Gas, Units));
    }

    [Fact]
    public void FromSpec_FixedGwei_ConvertsToWei()
    {
        // Given a fixed tip of 1.5 gwei
        var strategy = GasBidStrategies.FromSpec(new FixedGasBidSpec(1.5));

        // When / Then it tips 1.5e9 wei whatever the profit
        Assert.Equal(new BigInteger(1_500_000_000), strategy.PriorityFeeWei(123, Gas, Units));
    }
}
