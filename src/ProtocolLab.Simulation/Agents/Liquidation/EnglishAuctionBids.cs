using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>
/// A running English auction as a bidder reads it (EnglishAuction.bids): the bid and tab in loan base
/// units, the lot in collateral base units, the high bidder, and when the bid expires (<see cref="Tic"/>,
/// 0 before the first bid) and the auction ends, in unix seconds.
/// </summary>
public sealed record EnglishAuctionView(BigInteger Id, BigInteger Bid, BigInteger Lot, Address Guy, ulong Tic, ulong End, BigInteger Tab)
{
    /// <summary>Accepts bids at <paramref name="now"/>: no bid expired and the end not reached (EnglishAuction._live).</summary>
    public bool IsLive(ulong now) => (Tic == 0 || Tic > now) && End > now;

    /// <summary>Can be dealt at <paramref name="now"/>: a bid placed, and it expired or the auction ended.</summary>
    public bool IsFinished(ulong now) => Tic != 0 && (Tic < now || End < now);

    /// <summary>Can be restarted at <paramref name="now"/>: past its end with nobody bidding.</summary>
    public bool NeedsTick(ulong now) => Tic == 0 && End < now;

    /// <summary>The tend phase: bids on the whole lot still rise toward the tab.</summary>
    public bool InTendPhase => Bid < Tab;
}

/// <summary>A bid to send: a tend (the whole lot for <see cref="Bid"/>) or a dent (<see cref="Lot"/> for the tab).</summary>
public sealed record EnglishAuctionBid(BigInteger AuctionId, bool IsDent, BigInteger Lot, BigInteger Bid, BigInteger PriorityFeeWei);

/// <summary>
/// A bidder's decisions for one block in the manner of Maker's auction keepers with a price model, as a
/// pure function of what it reads. A value bidder prices the lot at what selling it into the pair returns
/// (after its earlier purchases of the block, if it dumps) less gas and its minimum profit. In the tend
/// phase it bids that value at once, capped at the tab, when it beats the next valid bid (the current bid
/// x <c>beg</c>, rounded up); in the dent phase it offers the least collateral whose sale still returns
/// the tab plus gas and its profit, when that is at most the current lot / <c>beg</c>. It never outbids
/// itself and pays only what its capital holds. A zero bidder bids one base unit on unbid auctions.
/// </summary>
public static class EnglishAuctionBids
{
    public static IReadOnlyList<EnglishAuctionBid> Decide(
        LiquidatorConfig config, Address self, IReadOnlyList<EnglishAuctionView> auctions, double beg, ulong now, PoolReserves pool, GasMarket gas, BigInteger capital, MarketUnits units)
    {
        var bids = new List<EnglishAuctionBid>();
        var dumps = config.Sell is DumpStrategy;
        foreach (var auction in auctions.Where(a => a.IsLive(now) && a.Guy != self && a.Lot.Sign > 0).OrderBy(a => a.Id))
        {
            var bid = config.AuctionBids == AuctionBidding.ZeroBid
                ? ZeroBid(config, auction, gas, capital, units)
                : Evaluate(config, auction, beg, pool, gas, capital, units);
            if (bid is null)
                continue;
            bids.Add(bid);
            capital -= bid.Bid;
            if (dumps)
                pool = pool.AfterSwap(SwapDirection.SellCollateral, bid.Lot);
        }

        return bids;
    }

    /// <summary>The value bidder's bid on one live auction against the pair and its capital, or null.</summary>
    public static EnglishAuctionBid? Evaluate(
        LiquidatorConfig config, EnglishAuctionView auction, double beg, PoolReserves pool, GasMarket gas, BigInteger capital, MarketUnits units)
    {
        if (auction.InTendPhase)
        {
            var proceeds = pool.AmountOut(SwapDirection.SellCollateral, auction.Lot);
            var fee = Tip(config, gas, units);
            var value = proceeds - gas.CostInLoan(fee, units) - config.MinProfit;
            var bid = BigInteger.Min(value, auction.Tab);
            if (bid < MinimumTend(auction, beg) || bid > capital)
                return null;
            return new EnglishAuctionBid(auction.Id, false, auction.Lot, bid, fee);
        }

        if (auction.Tab > capital)
            return null;
        var maximum = MaximumDent(auction, beg);
        var need = LotFetching(pool, auction.Tab + gas.CostInLoan(Tip(config, gas, units), units) + config.MinProfit, auction.Lot);
        if (need is not { } lot || lot > maximum || lot.Sign <= 0)
            return null;
        return new EnglishAuctionBid(auction.Id, true, lot, auction.Tab, Tip(config, gas, units));
    }

    private static EnglishAuctionBid? ZeroBid(LiquidatorConfig config, EnglishAuctionView auction, GasMarket gas, BigInteger capital, MarketUnits units)
    {
        if (auction.Bid.Sign != 0 || capital.Sign <= 0)
            return null;
        return new EnglishAuctionBid(auction.Id, false, auction.Lot, BigInteger.One, Tip(config, gas, units));
    }

    /// <summary>
    /// The tip per gas of a bid (and of the bidder's kicks and deals): a bidder that bids its valuation expects to keep its minimum profit, so a
    /// proportional gas bid tips a share of that (a fixed one its fixed tip); a bid's winner is not known
    /// when it is sent, and the lot's whole value is not what the bid gains.
    /// </summary>
    public static BigInteger Tip(LiquidatorConfig config, GasMarket gas, MarketUnits units) =>
        config.GasBid.PriorityFeeWei(config.MinProfit, gas, units);

    /// <summary>The least valid tend: any positive first bid, else the current bid x beg rounded up (or the tab).</summary>
    public static BigInteger MinimumTend(EnglishAuctionView auction, double beg)
    {
        if (auction.Bid.Sign == 0)
            return BigInteger.One;
        var minimum = CeilDiv(auction.Bid * Wad(beg), WadOne);
        return BigInteger.Min(minimum, auction.Tab);
    }

    /// <summary>The largest valid dent: the current lot / beg, rounded down (as the contract), less one when that is the lot.</summary>
    public static BigInteger MaximumDent(EnglishAuctionView auction, double beg)
    {
        var maximum = auction.Lot * WadOne / Wad(beg);
        return maximum >= auction.Lot ? auction.Lot - 1 : maximum;
    }

    /// <summary>The least collateral (at most <paramref name="cap"/>) whose sale into the pair returns at least <paramref name="target"/> loan base units; null when even the cap does not.</summary>
    public static BigInteger? LotFetching(PoolReserves pool, BigInteger target, BigInteger cap)
    {
        if (pool.AmountOut(SwapDirection.SellCollateral, cap) < target)
            return null;
        BigInteger low = 0, high = cap;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (pool.AmountOut(SwapDirection.SellCollateral, mid) >= target)
                high = mid;
            else
                low = mid + 1;
        }

        return low;
    }

    private static readonly BigInteger WadOne = BigInteger.Pow(10, 18);

    private static BigInteger Wad(double fraction) => new BigInteger(Math.Round(fraction * 1e9)) * BigInteger.Pow(10, 9);

    private static BigInteger CeilDiv(BigInteger a, BigInteger b) => (a + b - 1) / b;
}
