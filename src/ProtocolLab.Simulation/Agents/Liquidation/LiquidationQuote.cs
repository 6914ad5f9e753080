using System.Numerics;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>What a liquidation would repay and seize under the protocol's rules.</summary>
public sealed record LiquidationQuote(BigInteger Repay, BigInteger Seize)
{
    /// <summary>
    /// The protocol rule, mirrored off-chain: repay min(closeFactor x debt, budget), or the whole
    /// debt when the remainder would be dust; seize repay x (1 + bonus) / oraclePrice. When the
    /// collateral cannot cover that, all collateral is seized and the repay shrinks to
    /// collateral value / (1 + bonus); the rest of the debt becomes bad debt.
    /// </summary>
    public static LiquidationQuote For(PositionSnapshot position, LiquidationTerms terms, double oraclePrice, BigInteger budget, MarketUnits units)
    {
        var repay = position.Debt * ToPpm(terms.CloseFactor) / Ppm;
        if (position.Debt - repay < terms.DustDebt)
        {
            repay = position.Debt;
        }

        repay = BigInteger.Min(repay, budget);
        if (repay.Sign <= 0)
        {
            return new LiquidationQuote(BigInteger.Zero, BigInteger.Zero);
        }

        var bonusFactor = Ppm + ToPpm(terms.Bonus);
        var seize = units.LoanToCollateral(repay * bonusFactor / Ppm, oraclePrice);
        if (seize > position.Collateral)
        {
            seize = position.Collateral;
            repay = units.CollateralToLoan(position.Collateral, oraclePrice) * Ppm / bonusFactor;
        }

        return new LiquidationQuote(repay, seize);
    }

    private static readonly BigInteger Ppm = 1_000_000;

    private static BigInteger ToPpm(double fraction) => new(Math.Round(fraction * 1_000_000));
}
