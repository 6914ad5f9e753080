using System.Numerics;

namespace ProtocolLab.Protocols.Tests.Lending;

/// <summary>
/// An independent C# statement of the market's rules (health factor, liquidation sizing, bad
/// debt), written from the specification with the same rounding directions, to check the
/// contract's numbers against.
/// </summary>
internal sealed record LendingReference(int CollateralDecimals, int LoanDecimals, BigInteger LiquidationThreshold, BigInteger CloseFactor, BigInteger Bonus, BigInteger Dust)
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private static readonly BigInteger PriceUnit = BigInteger.Pow(10, 8);

    private BigInteger CollateralUnit => BigInteger.Pow(10, CollateralDecimals);

    private BigInteger LoanUnit => BigInteger.Pow(10, LoanDecimals);

    /// <summary>Loan units the collateral is worth at an 8-decimal price, rounded down.</summary>
    public BigInteger ValueDown(BigInteger collateral, BigInteger price) => collateral * price * LoanUnit / (CollateralUnit * PriceUnit);

    public BigInteger HealthFactor(BigInteger collateral, BigInteger debt, BigInteger price) =>
        debt.IsZero ? BigInteger.Pow(2, 256) - 1 : ValueDown(collateral, price) * LiquidationThreshold / debt;

    /// <summary>(repaid, seized, badDebt) when a liquidator asks to repay everything.</summary>
    public (BigInteger Repaid, BigInteger Seized, BigInteger BadDebt) LiquidateAll(BigInteger collateral, BigInteger debt, BigInteger price)
    {
        var numerator = collateral * price * LoanUnit * Wad;
        var denominator = CollateralUnit * PriceUnit * (Wad + Bonus);
        var buysAll = (numerator + denominator - 1) / denominator;
        if (buysAll < debt)
            return (buysAll, collateral, debt - buysAll);

        var capped = debt * CloseFactor / Wad;
        var repaid = debt <= Dust || debt - capped < Dust ? debt : capped;
        var seized = BigInteger.Min(repaid * CollateralUnit * PriceUnit * (Wad + Bonus) / (price * LoanUnit * Wad), collateral);
        return (repaid, seized, BigInteger.Zero);
    }

    /// <summary>The insurance fee the liquidator pays on top of the repayment (both multiplications round up).</summary>
    public static BigInteger Fee(BigInteger repaid, BigInteger bonus, BigInteger insuranceShare) =>
        MulUp(MulUp(repaid, bonus), insuranceShare);

    private static BigInteger MulUp(BigInteger a, BigInteger b) => ((a * b) + Wad - 1) / Wad;
}
