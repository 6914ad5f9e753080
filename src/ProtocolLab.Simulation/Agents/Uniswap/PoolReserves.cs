using System.Numerics;

namespace ProtocolLab.Simulation.Agents.Uniswap;

/// <summary>Which way a swap goes through the collateral/loan pair.</summary>
public enum SwapDirection
{
    /// <summary>Collateral in, loan asset out: pushes the pair price down.</summary>
    SellCollateral,

    /// <summary>Loan asset in, collateral out: pushes the pair price up.</summary>
    BuyCollateral,
}

/// <summary>Reserves of the collateral/loan pair in base units, whichever token is token0 on chain.</summary>
public sealed record PoolReserves(BigInteger Collateral, BigInteger Loan)
{
    /// <summary>The pair's spot price in whole loan units per whole collateral unit.</summary>
    public double SpotPrice(MarketUnits units) => units.LoanWhole(Loan) / units.CollateralWhole(Collateral);

    /// <summary>The output of a swap, as the pair computes it.</summary>
    public BigInteger AmountOut(SwapDirection direction, BigInteger amountIn) => direction == SwapDirection.SellCollateral
        ? UniswapV2Math.GetAmountOut(amountIn, Collateral, Loan)
        : UniswapV2Math.GetAmountOut(amountIn, Loan, Collateral);

    /// <summary>The reserves after a swap of <paramref name="amountIn"/> (fee stays in the pool, as in the pair).</summary>
    public PoolReserves AfterSwap(SwapDirection direction, BigInteger amountIn)
    {
        var amountOut = AmountOut(direction, amountIn);
        return direction == SwapDirection.SellCollateral
            ? new PoolReserves(Collateral + amountIn, Loan - amountOut)
            : new PoolReserves(Collateral - amountOut, Loan + amountIn);
    }
}
