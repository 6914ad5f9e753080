using System.Numerics;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Borrowers;

/// <summary>
/// A generated borrower: collateral in base units, leverage as a fraction of the design's
/// initial LTV, and its margin-call behaviour. Debt depends on the design, so it is derived
/// by <see cref="TargetDebt"/> rather than stored: every design starts from the same people.
/// </summary>
public sealed record Borrower(int Id, BigInteger Collateral, double LeverageFraction, BehaviourSpec Behaviour)
{
    /// <summary>The price the position was opened at, as a multiple of the scenario's initial price.</summary>
    public double OpeningPriceFactor { get; init; } = 1;

    /// <summary>An imported position's debt, loan base units: the same under every design. Null = drawn leverage.</summary>
    public BigInteger? ImportedDebt { get; init; }

    /// <summary>An imported position without an opening price: it opens where the design lends its debt (see <see cref="OpeningFactorFor"/>).</summary>
    public bool OpensWhereItFits { get; init; }

    /// <summary>
    /// The opening price factor under a design of <paramref name="initialLtv"/>: as drawn or imported,
    /// or for an import without a price the lowest 1% step from 1 at which the design lends its debt.
    /// </summary>
    public double OpeningFactorFor(double initialLtv, double initialPrice, MarketUnits units)
    {
        if (!OpensWhereItFits || ImportedDebt is not { } debt || initialLtv <= 0)
            return OpeningPriceFactor;
        var lent = (double)units.CollateralToLoan(Collateral, initialPrice) * initialLtv;
        return lent <= 0 || (double)debt <= lent ? 1 : Math.Ceiling((double)debt / lent * 100) / 100;
    }

    /// <summary>collateral value x initialLtv x leverage fraction, in loan base units (rounded down); an imported position's own debt.</summary>
    public BigInteger TargetDebt(double initialLtv, double price, MarketUnits units)
    {
        if (ImportedDebt is { } imported)
            return imported;
        var value = units.CollateralToLoan(Collateral, price);
        var ppm = new BigInteger(Math.Round(initialLtv * LeverageFraction * 1_000_000_000));
        return value * ppm / 1_000_000_000;
    }
}
