using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class EnglishAuctionBidsTests
{
    private const double Beg = 1.03;
    private const ulong Now = 1_000_000;
    private static readonly MarketUnits Units = new(18, 6);
    private static readonly BigInteger Eth = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdc = 1_000_000;
    private static readonly PoolReserves Pool = new(1000 * Eth, 2_000_000 * Usdc); // 2000 USDC per ETH
    private static readonly GasMarket NoGas = new(BigInteger.Zero, 200_000, 2000);
    private static readonly Address Self = Address.Parse("0x00000000000000000000000000000000000000b1");
    private static readonly Address Rival = Address.Parse("0x00000000000000000000000000000000000000b2");

    private static LiquidatorConfig Config(AuctionBidding bidding = AuctionBidding.Value, BigInteger? minProfit = null) =>
        new("bidder", 1_000_000 * Usdc, 0, new FixedGasBid(0), minProfit ?? BigInteger.Zero, new DumpStrategy(), AuctionBids: bidding);

    private static EnglishAuctionView Auction(BigInteger bid, BigInteger lot, BigInteger tab, Address? guy = null, ulong tic = 0, ulong end = Now + 3600, int id = 1) =>
        new(id, bid, lot, guy ?? Address.Zero, tic, end, tab);

    [Fact]
    public void Evaluate_TendPhase_BidsWhatTheLotFetchesInThePairLessItsProfit()
    {
        // Given an unbid 10 ETH lot whose tab is far above its value, and a bidder keeping 100 USDC
        var lot = 10 * Eth;
        var bid = EnglishAuctionBids.Evaluate(Config(minProfit: 100 * Usdc), Auction(0, lot, 1_000_000 * Usdc), Beg, Pool, NoGas, 1_000_000 * Usdc, Units);

        // Then it tends the whole lot for the pair's proceeds less 100 USDC
        Assert.NotNull(bid);
        Assert.False(bid.IsDent);
        Assert.Equal(lot, bid.Lot);
        Assert.Equal(Pool.AmountOut(SwapDirection.SellCollateral, lot) - (100 * Usdc), bid.Bid);
    }

    [Fact]
    public void Evaluate_ValueAboveTheTab_BidsTheTab()
    {
        var bid = EnglishAuctionBids.Evaluate(Config(), Auction(1_000 * Usdc, 10 * Eth, 5_000 * Usdc), Beg, Pool, NoGas, 1_000_000 * Usdc, Units);

        Assert.NotNull(bid);
        Assert.Equal(5_000 * Usdc, bid.Bid);
    }

    [Fact]
    public void Evaluate_ValueBelowTheNextValidBid_DoesNotBid()
    {
        // Given a 1 ETH lot (about 1,996 USDC in the pair) already bid at 1,950: the next bid must be 2,008.5
        var bid = EnglishAuctionBids.Evaluate(Config(), Auction(1_950 * Usdc, Eth, 10_000 * Usdc, Rival, Now + 60), Beg, Pool, NoGas, 1_000_000 * Usdc, Units);

        Assert.Null(bid);
    }

    [Fact]
    public void Evaluate_CapitalBelowTheBid_DoesNotBid() =>
        Assert.Null(EnglishAuctionBids.Evaluate(Config(), Auction(0, 10 * Eth, 1_000_000 * Usdc), Beg, Pool, NoGas, 1_000 * Usdc, Units));

    [Fact]
    public void Evaluate_DentPhase_OffersTheLeastCollateralThatStillFetchesTheTab()
    {
        // Given a 10 ETH lot already bid at its 5,000 USDC tab
        var tab = 5_000 * Usdc;
        var bid = EnglishAuctionBids.Evaluate(Config(minProfit: 10 * Usdc), Auction(tab, 10 * Eth, tab, Rival, Now + 60), Beg, Pool, NoGas, 1_000_000 * Usdc, Units);

        // Then it dents for the tab with the smallest lot whose sale returns the tab plus its profit
        Assert.NotNull(bid);
        Assert.True(bid.IsDent);
        Assert.Equal(tab, bid.Bid);
        Assert.True(Pool.AmountOut(SwapDirection.SellCollateral, bid.Lot) >= tab + (10 * Usdc));
        Assert.True(Pool.AmountOut(SwapDirection.SellCollateral, bid.Lot - 1) < tab + (10 * Usdc));
        Assert.True(bid.Lot <= EnglishAuctionBids.MaximumDent(Auction(tab, 10 * Eth, tab), Beg));
    }

    [Fact]
    public void Evaluate_DentThatWouldNotBeatTheIncrement_DoesNotBid()
    {
        // Given a lot barely worth its tab: the least lot fetching the tab is above lot / 1.03
        var tab = Pool.AmountOut(SwapDirection.SellCollateral, 10 * Eth) - Usdc;
        var bid = EnglishAuctionBids.Evaluate(Config(), Auction(tab, 10 * Eth, tab, Rival, Now + 60), Beg, Pool, NoGas, 1_000_000 * Usdc, Units);

        Assert.Null(bid);
    }

    [Fact]
    public void Decide_SkipsItsOwnBidsAndAuctionsNotLive()
    {
        var auctions = new[]
        {
            Auction(1_000 * Usdc, Eth, 10_000 * Usdc, Self, Now + 60, id: 1), // its own high bid
            Auction(1_000 * Usdc, Eth, 10_000 * Usdc, Rival, Now - 1, id: 2), // the bid expired: only a deal
            Auction(0, Eth, 10_000 * Usdc, end: Now - 1, id: 3), // ended unbid: only a tick
            Auction(0, Eth, 10_000 * Usdc, id: 4),
        };

        var bids = EnglishAuctionBids.Decide(Config(), Self, auctions, Beg, Now, Pool, NoGas, 1_000_000 * Usdc, Units);

        Assert.Equal([new BigInteger(4)], bids.Select(b => b.AuctionId));
    }

    [Fact]
    public void Decide_ADumpingBidderValuesItsSecondLotAfterItsFirstSale()
    {
        var auctions = new[] { Auction(0, 100 * Eth, 10_000_000 * Usdc, id: 1), Auction(0, 100 * Eth, 10_000_000 * Usdc, id: 2) };

        var bids = EnglishAuctionBids.Decide(Config(), Self, auctions, Beg, Now, Pool, NoGas, 10_000_000 * Usdc, Units);

        Assert.Equal(2, bids.Count);
        Assert.Equal(Pool.AmountOut(SwapDirection.SellCollateral, 100 * Eth), bids[0].Bid);
        Assert.Equal(Pool.AfterSwap(SwapDirection.SellCollateral, 100 * Eth).AmountOut(SwapDirection.SellCollateral, 100 * Eth), bids[1].Bid);
    }

    [Fact]
    public void Decide_ZeroBidder_BidsOneBaseUnitOnUnbidAuctionsOnly()
    {
        var auctions = new[] { Auction(0, Eth, 10_000 * Usdc, id: 1), Auction(500 * Usdc, Eth, 10_000 * Usdc, Rival, Now + 60, id: 2) };

        var bids = EnglishAuctionBids.Decide(Config(AuctionBidding.ZeroBid), Self, auctions, Beg, Now, Pool, NoGas, 1_000_000 * Usdc, Units);

        var bid = Assert.Single(bids);
        Assert.Equal(new BigInteger(1), bid.AuctionId);
        Assert.Equal(BigInteger.One, bid.Bid);
        Assert.Equal(Eth, bid.Lot);
    }

    [Fact]
    public void MinimumTend_IsTheBidTimesBegRoundedUpCappedAtTheTab()
    {
        Assert.Equal(BigInteger.One, EnglishAuctionBids.MinimumTend(Auction(0, Eth, 100), Beg));
        Assert.Equal(new BigInteger(103), EnglishAuctionBids.MinimumTend(Auction(100, Eth, 1_000), Beg)); // 103 exactly
        Assert.Equal(new BigInteger(11), EnglishAuctionBids.MinimumTend(Auction(10, Eth, 1_000), Beg)); // 10.3 up
        Assert.Equal(new BigInteger(1_000), EnglishAuctionBids.MinimumTend(Auction(990, Eth, 1_000), Beg));
    }

    [Fact]
    public void View_LiveFinishedAndTickAreTheContractsConditions()
    {
        var bid = Auction(1, Eth, 10, Rival, tic: Now + 5, end: Now + 100);
        Assert.True(bid.IsLive(Now));
        Assert.False(bid.IsFinished(Now));
        Assert.False(bid.IsLive(Now + 5)); // tic <= now: expired
        Assert.False(bid.IsFinished(Now + 5)); // and not yet past it (deal needs tic < now)
        Assert.True(bid.IsFinished(Now + 6));
        var unbid = Auction(0, Eth, 10, end: Now);
        Assert.False(unbid.IsLive(Now));
        Assert.False(unbid.NeedsTick(Now));
        Assert.True(unbid.NeedsTick(Now + 1));
    }
}
