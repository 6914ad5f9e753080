using System.Numerics;

namespace ProtocolLab.Protocols.Tests.AaveV3;

/// <summary>
/// Aave v3's health factor and liquidation sizing written down independently from its documented
/// formulas (GenericLogic.calculateUserAccountData, LiquidationLogic), with its rounding: value
/// conversions divide down, percentMul / percentDiv / wadDiv round half up. One collateral reserve,
/// the loan asset priced at 1 (the base unit), no protocol fee, no interest (indexes stay 1 RAY, so
/// balances are the amounts).
/// </summary>
internal sealed record AaveV3Reference(int CollateralDecimals, int LoanDecimals, int LiquidationThresholdBps, int BonusBps)
{
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    public static readonly BigInteger BaseUnit = BigInteger.Pow(10, 8);

    /// <summary>Below this health factor the whole debt may be repaid at once, above it half (Aave compares with &gt;).</summary>
    public static readonly BigInteger CloseFactorThreshold = Wad * 95 / 100;

    private const int PercentageFactor = 10_000;

    private BigInteger CollateralUnit => BigInteger.Pow(10, CollateralDecimals);

    private BigInteger LoanUnit => BigInteger.Pow(10, LoanDecimals);

    public BigInteger CollateralBase(BigInteger collateral, BigInteger price) => collateral * price / CollateralUnit;

    public BigInteger DebtBase(BigInteger debt) => debt * BaseUnit / LoanUnit;

    /// <summary>HF = collateral x price x LT / debt.</summary>
    public BigInteger HealthFactor(BigInteger collateral, BigInteger debt, BigInteger price) =>
        debt.IsZero ? BigInteger.Pow(2, 256) - 1 : WadDiv(PercentMul(CollateralBase(collateral, price), LiquidationThresholdBps), DebtBase(debt));

    /// <summary>(repaid, seized) for a liquidator asking to repay <paramref name="debtToCover"/>.</summary>
    public (BigInteger Repaid, BigInteger Seized) Liquidate(BigInteger collateral, BigInteger debt, BigInteger price, BigInteger debtToCover)
    {
        var closeFactor = HealthFactor(collateral, debt, price) > CloseFactorThreshold ? PercentageFactor / 2 : PercentageFactor;
        var repaid = BigInteger.Min(debtToCover, PercentMul(debt, closeFactor));

        // Collateral worth the repaid debt, plus the bonus: debtToCover x debtPrice / collPrice x (1 + bonus).
        var seized = PercentMul(BaseUnit * repaid * CollateralUnit / (price * LoanUnit), BonusBps);
        if (seized <= collateral)
            return (repaid, seized);

        // Not enough collateral: all of it goes, and the debt repaid shrinks to what it buys at the bonus.
        var buysAll = PercentDiv(price * collateral * LoanUnit / (BaseUnit * CollateralUnit), BonusBps);
        return (buysAll, collateral);
    }

    public static BigInteger PercentMul(BigInteger value, int bps) => ((value * bps) + (PercentageFactor / 2)) / PercentageFactor;

    public static BigInteger PercentDiv(BigInteger value, int bps) => ((value * PercentageFactor) + (bps / 2)) / bps;

    public static BigInteger WadDiv(BigInteger a, BigInteger b) => ((a * Wad) + (b / 2)) / b;
}
