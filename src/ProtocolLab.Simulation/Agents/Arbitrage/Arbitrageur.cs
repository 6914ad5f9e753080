using System.Numerics;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Agents.Arbitrage;

/// <summary>A planned swap: direction, input and the output the pair will pay at current reserves.</summary>
public sealed record SwapPlan(SwapDirection Direction, BigInteger AmountIn, BigInteger ExpectedAmountOut);

/// <summary>
/// Trades the pair toward the fundamental price with at most a fixed capital per block.
/// The arbitrageur is assumed to hold both assets (a CEX-hedged market maker): its capital is
/// measured in loan-asset value, and a collateral sale is capped at capital / fundamental price.
/// It moves the spot price to the fundamental price (not merely inside the fee band), which
/// models the pair following the outside market as closely as its capital allows.
/// </summary>
public static class Arbitrageur
{
    /// <returns>The swap, or null when the pool is at the fundamental price or capital is zero.</returns>
    public static SwapPlan? Decide(PoolReserves pool, double fundamentalPrice, BigInteger capitalPerBlock, MarketUnits units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fundamentalPrice);
        if (capitalPerBlock.Sign <= 0)
        {
            return null;
        }

        // Fundamental price as a ratio of base units: loan base per collateral base = scaled / unit.
        var scaledPrice = TokenUnits.ToBaseUnits(fundamentalPrice, MarketUnits.PriceDecimals) * TokenUnits.Pow10(units.LoanDecimals);
        var unit = TokenUnits.Pow10(MarketUnits.PriceDecimals + units.CollateralDecimals);
        var poolAbove = pool.Loan * unit > scaledPrice * pool.Collateral;

        SwapDirection direction;
        BigInteger amountIn;
        if (poolAbove)
        {
            direction = SwapDirection.SellCollateral;
            amountIn = UniswapV2Math.AmountInToReachRatio(pool.Collateral, pool.Loan, scaledPrice, unit);
            amountIn = BigInteger.Min(amountIn, units.LoanToCollateral(capitalPerBlock, fundamentalPrice));
        }
        else
        {
            direction = SwapDirection.BuyCollateral;
            amountIn = UniswapV2Math.AmountInToReachRatio(pool.Loan, pool.Collateral, unit, scaledPrice);
            amountIn = BigInteger.Min(amountIn, capitalPerBlock);
        }

        if (amountIn.Sign <= 0)
        {
            return null;
        }

        var amountOut = pool.AmountOut(direction, amountIn);
        return amountOut.Sign > 0 ? new SwapPlan(direction, amountIn, amountOut) : null;
    }
}
