using System.Numerics;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>
/// A running Dutch auction as a taker reads it: its price now in whole loan units per whole collateral
/// unit (and as the contract answers it, for the take's price limit), and its lot and tab in base units.
/// </summary>
public sealed record DutchAuctionView(BigInteger Id, double Price, BigInteger PriceRaw, BigInteger Lot, BigInteger Tab, bool NeedsRedo);

/// <summary>
/// One take to send: <see cref="Collateral"/> base units at most <see cref="MaxPriceRaw"/>, paying about
/// <see cref="Owe"/>; <see cref="ExpectedProceeds"/> is what selling it into the pair returns.
/// </summary>
public sealed record AuctionTake(BigInteger AuctionId, BigInteger Collateral, BigInteger MaxPriceRaw, BigInteger Owe, BigInteger ExpectedProceeds, BigInteger Profit, BigInteger PriorityFeeWei);

/// <summary>
/// A taker's decision for one block, as a pure function of what it reads, in the manner of Maker's
/// auction keepers: it buys from an auction while the pair pays more for the collateral than the
/// auction asks, up to the slice at which the pair's marginal price falls to the auction price (beyond
/// it each further unit loses), within the lot, the tab and its capital; and only when that clears gas
/// and its minimum profit. Cheapest auctions first; a dumping taker's second take sees the reserves its
/// first sale leaves. The auction's price only falls between the read and the take, so the limit is the read price.
/// </summary>
public static class DutchAuctionTakes
{
    public static IReadOnlyList<AuctionTake> Decide(
        LiquidatorConfig config, IReadOnlyList<DutchAuctionView> auctions, PoolReserves pool, GasMarket gas, BigInteger capital, MarketUnits units)
    {
        var takes = new List<AuctionTake>();
        var dumps = config.Sell is DumpStrategy;
        foreach (var auction in auctions.Where(a => !a.NeedsRedo && a.Lot.Sign > 0 && a.Price > 0).OrderBy(a => a.Price).ThenBy(a => a.Id))
        {
            if (Evaluate(config, auction, pool, gas, capital, units) is not { } take)
            {
                continue;
            }

            takes.Add(take);
            capital -= take.Owe;
            if (dumps)
            {
                pool = pool.AfterSwap(SwapDirection.SellCollateral, take.Collateral);
            }
        }

        return takes;
    }

    /// <summary>The take of one auction against the given pair and budget, or null when not worth sending.</summary>
    public static AuctionTake? Evaluate(LiquidatorConfig config, DutchAuctionView auction, PoolReserves pool, GasMarket gas, BigInteger capital, MarketUnits units)
    {
        var slice = BigInteger.Min(SliceToMarginalPrice(pool, auction.Price, units), auction.Lot);
        // Not more than the tab buys, nor than the capital pays for.
        slice = BigInteger.Min(slice, units.LoanToCollateral(auction.Tab, auction.Price));
        slice = BigInteger.Min(slice, units.LoanToCollateral(capital, auction.Price));
        if (slice.Sign <= 0)
        {
            return null;
        }

        var owe = BigInteger.Min(units.CollateralToLoan(slice, auction.Price) + 1, auction.Tab);
        var proceeds = pool.AmountOut(SwapDirection.SellCollateral, slice);
        var gross = proceeds - owe;
        var fee = config.GasBid.PriorityFeeWei(gross, gas, units);
        var profit = gross - gas.CostInLoan(fee, units);
        if (profit.Sign <= 0 || profit < config.MinProfit)
        {
            return null;
        }

        return new AuctionTake(auction.Id, slice, auction.PriceRaw, owe, proceeds, profit, fee);
    }

    /// <summary>
    /// The collateral (base units) whose sale into the pair takes its marginal price down to
    /// <paramref name="price"/> (whole loan per whole collateral): with reserves x, y and Uniswap V2's 0.3%
    /// fee the marginal output after selling c is 997 000 x y / (1000 x + 997 c)^2, so
    /// c = (sqrt(997 000 x y / p) - 1000 x) / 997 with p in base units; 0 when the pair already pays less.
    /// </summary>
    public static BigInteger SliceToMarginalPrice(PoolReserves pool, double price, MarketUnits units)
    {
        if (pool.Collateral.Sign <= 0 || pool.Loan.Sign <= 0 || price <= 0)
        {
            return BigInteger.Zero;
        }

        var x = (double)pool.Collateral;
        var y = (double)pool.Loan;
        var baseUnitPrice = price * Math.Pow(10, units.LoanDecimals - units.CollateralDecimals);
        var c = (Math.Sqrt(997_000.0 * x * y / baseUnitPrice) - (1000.0 * x)) / 997.0;
        return c <= 0 || double.IsNaN(c) ? BigInteger.Zero : new BigInteger(Math.Floor(c));
    }
}
