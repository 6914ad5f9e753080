using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class LiquidatorPolicyTests
{
    private static readonly MarketUnits Units = new(18, 6);
    private static readonly BigInteger Eth = BigInteger.Pow(10, 18);
    private static readonly PoolReserves Pool = new(1000 * Eth, 2_000_000_000_000);
    private static readonly LiquidationTerms Terms = new(0.5, 0.05, BigInteger.Zero);
    private static readonly GasMarket NoGas = new(BigInteger.Zero, 500_000, 2000);

    [Fact]
    public void Decide_OnePosition_ValuesSeizureThroughThePairMinusRepayAndGas()
    {
        // Given a liquidatable position, 10 gwei base fee, a 2 gwei fixed tip, 500k gas, ETH at 2000
        var gas = new GasMarket(10_000_000_000, 500_000, 2000);
        var config = Config(gasBid: new FixedGasBid(2_000_000_000));
        var position = new PositionSnapshot(7, 10 * Eth, 16_000_000_000, 0.95);
        var context = Context(10, [position], gas: gas, oracle: 2000);

        // When the liquidator decides
        var order = Assert.Single(LiquidatorPolicy.Decide(config, Watch(10, position), context));

        // Then gas costs 500k x 12 gwei = 0.006 ETH = 12 USDC, and profit = pair proceeds - repay - gas
        var seize = Units.LoanToCollateral(8_400_000_000, 2000);
        var proceeds = UniswapV2Math.GetAmountOut(seize, Pool.Collateral, Pool.Loan);
        Assert.Equal(new BigInteger(8_000_000_000), order.Repay);
        Assert.Equal(seize, order.ExpectedSeize);
        Assert.Equal(proceeds, order.ExpectedProceeds);
        Assert.Equal(new BigInteger(12_000_000), order.GasCost);
        Assert.Equal(proceeds - 8_000_000_000 - 12_000_000, order.ExpectedProfit);
        Assert.Equal(new BigInteger(2_000_000_000), order.PriorityFeeWei);
    }

    [Fact]
    public void Decide_PositionWithItsOwnTerms_QuotesTheBonusTheModelPays()
    {
        // Given a dynamic model that pays a 9% bonus on this position, against a 5% market-wide base
        var position = new PositionSnapshot(7, 10 * Eth, 16_000_000_000, 0.95) { Terms = new LiquidationTerms(0.5, 0.09, BigInteger.Zero) };
        var context = Context(10, [position], oracle: 2000);

        // When the liquidator decides
        var order = Assert.Single(LiquidatorPolicy.Decide(Config(), Watch(10, position), context));

        // Then it expects repay x 1.09 of collateral, not repay x 1.05
        Assert.Equal(new BigInteger(8_000_000_000), order.Repay);
        Assert.Equal(Units.LoanToCollateral(8_720_000_000, 2000), order.ExpectedSeize);
    }

    [Fact]
    public void Decide_ReactionDelay_ActsOnlyAfterSeeingThePositionLongEnough()
    {
        // Given a bot with a 2-block delay and a position first seen liquidatable at block 10
        var config = Config(delay: 2);
        var position = new PositionSnapshot(1, 10 * Eth, 16_000_000_000, 0.95);
        var watch = LiquidationWatch.Empty.Observe(10, [position]).Observe(11, [position]);

        // When it decides at blocks 11 and 12
        var at11 = LiquidatorPolicy.Decide(config, watch, Context(11, [position]));
        var at12 = LiquidatorPolicy.Decide(config, watch.Observe(12, [position]), Context(12, [position]));

        // Then it waits at 11 and acts at 12
        Assert.Empty(at11);
        Assert.Single(at12);
    }

    [Fact]
    public void Decide_ProfitBelowMinimum_SendsNothing()
    {
        // Given a minimum profit of 1,000,000 USDC
        var config = Config(minProfit: 1_000_000_000_000);
        var position = new PositionSnapshot(1, 10 * Eth, 16_000_000_000, 0.95);

        // When it decides
        // Then the liquidation is not worth it
        Assert.Empty(LiquidatorPolicy.Decide(config, Watch(5, position), Context(5, [position])));
    }

    [Fact]
    public void Decide_ThinPool_SlippageEatsTheBonus_SendsNothing()
    {
        // Given a pair with only 5 WETH / 10,000 USDC: selling 4.2 WETH there returns far less than the 8,000 repaid
        var position = new PositionSnapshot(1, 10 * Eth, 16_000_000_000, 0.95);
        var context = Context(5, [position]) with { Pool = new PoolReserves(5 * Eth, 10_000_000_000) };

        // When it decides
        // Then it does not liquidate at a loss
        Assert.Empty(LiquidatorPolicy.Decide(Config(), Watch(5, position), context));
    }

    [Fact]
    public void Decide_CapitalForOnlyOne_TakesTheMostProfitable()
    {
        // Given a small and a large position and capital for 8,000 USDC only
        var small = new PositionSnapshot(1, 2 * Eth, 3_200_000_000, 0.95);
        var large = new PositionSnapshot(2, 10 * Eth, 16_000_000_000, 0.95);
        var context = Context(5, [small, large]) with { AvailableCapital = 8_000_000_000 };

        // When it decides
        var orders = LiquidatorPolicy.Decide(Config(), Watch(5, small, large), context);

        // Then the large one comes first and the small one gets what capital is left (nothing)
        var order = Assert.Single(orders);
        Assert.Equal(2, order.PositionId);
    }

    [Fact]
    public void Decide_DumpingTwoEqualPositions_SecondSeesThePoolTheFirstLeft()
    {
        // Given two identical positions
        var a = new PositionSnapshot(1, 10 * Eth, 16_000_000_000, 0.95);
        var b = new PositionSnapshot(2, 10 * Eth, 16_000_000_000, 0.95);

        // When a dumping bot and a holding bot decide
        var dump = LiquidatorPolicy.Decide(Config(), Watch(5, a, b), Context(5, [a, b]));
        var hold = LiquidatorPolicy.Decide(Config(sell: new HoldStrategy()), Watch(5, a, b), Context(5, [a, b]));

        // Then the dumper's second sale is quoted on the moved pool, the holder's is not
        Assert.Equal(2, dump.Count);
        var afterFirst = Pool.AfterSwap(SwapDirection.SellCollateral, dump[0].ExpectedSeize);
        Assert.Equal(afterFirst.AmountOut(SwapDirection.SellCollateral, dump[1].ExpectedSeize), dump[1].ExpectedProceeds);
        Assert.True(dump[1].ExpectedProceeds < dump[0].ExpectedProceeds);
        Assert.Equal(hold[0].ExpectedProceeds, hold[1].ExpectedProceeds);
    }

    [Fact]
    public void Decide_HealthyPosition_IsIgnored()
    {
        // Given a healthy position
        var healthy = new PositionSnapshot(1, 10 * Eth, 10_000_000_000, 1.5);

        // When the bot decides
        // Then nothing is sent
        Assert.Empty(LiquidatorPolicy.Decide(Config(), Watch(5, healthy), Context(5, [healthy])));
    }

    private static LiquidatorConfig Config(int delay = 0, BigInteger? minProfit = null, IGasBidStrategy? gasBid = null, ISellStrategy? sell = null) =>
        new("bot", BigInteger.Pow(10, 15), delay, gasBid ?? new FixedGasBid(BigInteger.Zero), minProfit ?? BigInteger.Zero, sell ?? new DumpStrategy());

    private static LiquidationContext Context(int block, IReadOnlyList<PositionSnapshot> positions, GasMarket? gas = null, double oracle = 1900) =>
        new(block, positions, Terms, oracle, Pool, gas ?? NoGas, BigInteger.Pow(10, 15), Units);

    private static LiquidationWatch Watch(int block, params PositionSnapshot[] positions) =>
        LiquidationWatch.Empty.Observe(block, positions);
}
