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

    /// <summary>collateral value x initialLtv x leverage fraction, in loan base units (rounded down).</summary>
    public BigInteger TargetDebt(double initialLtv, double price, MarketUnits units)
    {
        var value = units.CollateralToLoan(Collateral, price);
        var ppm = new BigInteger(Math.Round(initialLtv * LeverageFraction * 1_000_000_000));
        return value * ppm / 1_000_000_000;
    }
}
