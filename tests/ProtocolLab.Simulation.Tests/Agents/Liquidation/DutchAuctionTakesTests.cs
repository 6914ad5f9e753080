using System.Numerics;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class DutchAuctionTakesTests
{
    private static readonly MarketUnits Units = new(18, 6);
    private static readonly BigInteger Eth = BigInteger.Pow(10, 18);
    private static readonly PoolReserves Pool = new(1000 * Eth, 2_000_000_000_000); // 2000 USDC per ETH
    private static readonly GasMarket NoGas = new(BigInteger.Zero, 300_000, 2000);

    private static LiquidatorConfig Config(ISellStrategy? sell = null, BigInteger? minProfit = null) =>
        new("taker", 1_000_000_000_000, 0, new FixedGasBid(0), minProfit ?? BigInteger.Zero, sell ?? new DumpStrategy());

    private static DutchAuctionView Auction(int id, double price, BigInteger lot, BigInteger tab) =>
        new(id, price, new BigInteger(price * 1e8), lot, tab, NeedsRedo: false);

    [Fact]
    public void SliceToMarginalPrice_SellingItTakesThePairsMarginalPriceToTheAuctionPrice()
    {
        // Given a pair at 2000 and an auction at 1900
        var slice = DutchAuctionTakes.SliceToMarginalPrice(Pool, 1900, Units);

        // Then one sale of a milli-ether more fetches 1900 per ether for that milli-ether, and the slice is about 2.5% of the reserve
        var more = Pool.AmountOut(SwapDirection.SellCollateral, slice + (Eth / 1000)) - Pool.AmountOut(SwapDirection.SellCollateral, slice);
        var marginal = (double)(more * 1000) / 1e6;
        Assert.InRange(marginal, 1899.9, 1900.1);
        Assert.InRange(Units.CollateralWhole(slice), 24, 26);
    }

    [Fact]
    public void SliceToMarginalPrice_AuctionAboveThePair_TakesNothing() =>
        Assert.Equal(BigInteger.Zero, DutchAuctionTakes.SliceToMarginalPrice(Pool, 2001, Units));

    [Fact]
    public void Evaluate_LotSmallerThanTheSlice_TakesTheLotAndPaysItsPrice()
    {
        // Given a 2 ETH lot at 1800 with a large tab
        var take = DutchAuctionTakes.Evaluate(Config(), Auction(3, 1800, 2 * Eth, 10_000_000_000), Pool, NoGas, 1_000_000_000_000, Units);

        // Then the taker buys the whole lot, owes 3600 USDC (rounded up a base unit) and expects the pair's proceeds
        Assert.NotNull(take);
        Assert.Equal(2 * Eth, take.Collateral);
        Assert.Equal(new BigInteger(3_600_000_001), take.Owe);
        Assert.Equal(Pool.AmountOut(SwapDirection.SellCollateral, 2 * Eth), take.ExpectedProceeds);
        Assert.Equal(take.ExpectedProceeds - take.Owe, take.Profit);
        Assert.Equal(new BigInteger(180_000_000_000), take.MaxPriceRaw);
    }

    [Fact]
    public void Evaluate_TabSmallerThanTheLot_BuysOnlyWhatTheTabAllows()
    {
        // Given a 10 ETH lot at 1000 whose tab is 3000 USDC
        var take = DutchAuctionTakes.Evaluate(Config(), Auction(1, 1000, 10 * Eth, 3_000_000_000), Pool, NoGas, 1_000_000_000_000, Units);

        // Then it buys 3 ETH and owes the tab
        Assert.NotNull(take);
        Assert.Equal(3 * Eth, take.Collateral);
        Assert.Equal(new BigInteger(3_000_000_000), take.Owe);
    }

    [Fact]
    public void Evaluate_CapitalLimitsTheSlice()
    {
        var take = DutchAuctionTakes.Evaluate(Config(), Auction(1, 1000, 10 * Eth, 100_000_000_000), Pool, NoGas, 2_000_000_000, Units);
        Assert.NotNull(take);
        Assert.Equal(2 * Eth, take.Collateral);
    }

    [Fact]
    public void Evaluate_ProfitBelowMinimumOrGas_SendsNothing()
    {
        // Given a 0.01 ETH lot 5% below the pair: about 1 USDC of profit
        var auction = Auction(1, 1900, Eth / 100, 100_000_000_000);

        // Then a taker wanting 5 USDC, or paying 0.002 ETH (4 USDC) of gas, passes
        Assert.Null(DutchAuctionTakes.Evaluate(Config(minProfit: 5_000_000), auction, Pool, NoGas, 1_000_000_000_000, Units));
        var gas = new GasMarket(new BigInteger(20_000_000_000), 100_000, 2000);
        Assert.Null(DutchAuctionTakes.Evaluate(Config(), auction, Pool, gas, 1_000_000_000_000, Units));
        Assert.NotNull(DutchAuctionTakes.Evaluate(Config(), auction, Pool, NoGas, 1_000_000_000_000, Units));
    }

    [Fact]
    public void Decide_CheapestFirstAndADumpersSecondTakeSeesItsFirstSale()
    {
        // Given two auctions, one at 1500 and one at 1900, each with a 20 ETH lot
        var auctions = new[] { Auction(1, 1900, 20 * Eth, 100_000_000_000), Auction(2, 1500, 20 * Eth, 100_000_000_000) };

        // When a dumper decides
        var takes = DutchAuctionTakes.Decide(Config(), auctions, Pool, NoGas, 1_000_000_000_000, Units);

        // Then it takes the cheap one whole first; the dear one's slice is smaller than on the untouched pair
        Assert.Equal(2, takes.Count);
        Assert.Equal(2, (int)takes[0].AuctionId);
        Assert.Equal(20 * Eth, takes[0].Collateral);
        var untouched = DutchAuctionTakes.SliceToMarginalPrice(Pool, 1900, Units);
        Assert.True(takes[1].Collateral < BigInteger.Min(untouched, 20 * Eth), "the second take sees the first sale's reserves");
    }

    [Fact]
    public void Decide_SkipsAuctionsThatNeedAReset()
    {
        var stale = Auction(1, 100, 20 * Eth, 100_000_000_000) with { NeedsRedo = true };
        Assert.Empty(DutchAuctionTakes.Decide(Config(), [stale], Pool, NoGas, 1_000_000_000_000, Units));
    }
}
