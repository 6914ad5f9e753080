using System.Numerics;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>
/// One borrower position as read from the lens contract in one batched call.
/// Amounts in base units; the health factor as the protocol computes it (below 1 = liquidatable).
/// </summary>
public sealed record PositionSnapshot(int Id, BigInteger Collateral, BigInteger Debt, double HealthFactor)
{
    public bool IsLiquidatable => Debt.Sign > 0 && HealthFactor < 1;

    /// <summary>
    /// The terms the protocol would apply to this position now, when it reports them per position
    /// (a dynamic model raises the bonus with volatility); null means the market-wide terms.
    /// </summary>
    public LiquidationTerms? Terms { get; init; }
}

/// <summary>
/// The market's liquidation rules in force this block (a dynamic margin model may change them):
/// a liquidator repays at most <see cref="CloseFactor"/> x debt and receives collateral worth
/// repaid x (1 + <see cref="Bonus"/>) at the oracle price. When the debt left after a partial
/// liquidation would be below <see cref="DustDebt"/> (loan base units), the whole debt may be repaid.
/// </summary>
public sealed record LiquidationTerms(double CloseFactor, double Bonus, BigInteger DustDebt);

/// <summary>
/// Gas conditions of the block: base fee, gas a liquidation transaction uses, and the native
/// token's price in whole loan-asset units (to express gas cost in the loan asset).
/// </summary>
public sealed record GasMarket(BigInteger BaseFeeWei, long GasPerLiquidation, double NativePriceInLoan)
{
    /// <summary>Gas cost of one liquidation at <paramref name="priorityFeeWei"/> per gas, in loan base units (rounded up).</summary>
    public BigInteger CostInLoan(BigInteger priorityFeeWei, MarketUnits units)
    {
        var wei = (BaseFeeWei + priorityFeeWei) * GasPerLiquidation;
        var scaledPrice = TokenUnits.ToBaseUnits(NativePriceInLoan, MarketUnits.PriceDecimals);
        var denominator = TokenUnits.Pow10(18 + MarketUnits.PriceDecimals);
        var numerator = wei * scaledPrice * TokenUnits.Pow10(units.LoanDecimals);
        return (numerator + denominator - 1) / denominator;
    }

    /// <summary>Loan base units converted to wei of the native token (rounded down).</summary>
    public BigInteger LoanToWei(BigInteger loan, MarketUnits units)
    {
        var scaledPrice = TokenUnits.ToBaseUnits(NativePriceInLoan, MarketUnits.PriceDecimals);
        return scaledPrice.IsZero
            ? BigInteger.Zero
            : loan * TokenUnits.Pow10(18 + MarketUnits.PriceDecimals) / (scaledPrice * TokenUnits.Pow10(units.LoanDecimals));
    }
}
