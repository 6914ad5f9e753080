namespace ProtocolLab.Simulation.Metrics;

/// <summary>One row of the liquidatable-debt curve: a price shock and what it would put below health 1.</summary>
public sealed record LiquidatableAtShock(double Shock, int Positions, double Debt, double DebtPercent);

/// <summary>
/// Perez et al. (FC'21)'s measure of fragility: the debt that becomes liquidatable if the collateral
/// price drops by a given share at once, read from the positions at block 0. A health factor scales
/// with the price at a fixed threshold, so a position is liquidatable after a shock s when
/// HF x (1 - s) &lt; 1. Dynamic thresholds are taken as they stand at block 0 (a static reading:
/// no cascade, no model update).
/// </summary>
public static class LiquidatableByShock
{
    /// <summary>Shocks from 0 to 50% in steps of 1%.</summary>
    public static IReadOnlyList<double> Shocks { get; } = Enumerable.Range(0, 51).Select(i => i / 100.0).ToList();

    /// <param name="positions">Each position's health factor and debt (whole loan units) at block 0.</param>
    public static IReadOnlyList<LiquidatableAtShock> Of(IReadOnlyList<(double HealthFactor, double Debt)> positions)
    {
        var totalDebt = positions.Sum(p => p.Debt);
        return Shocks.Select(shock =>
        {
            var hit = positions.Where(p => p.Debt > 0 && p.HealthFactor * (1 - shock) < 1).ToList();
            var debt = hit.Sum(p => p.Debt);
            return new LiquidatableAtShock(shock, hit.Count, debt, totalDebt > 0 ? debt / totalDebt * 100 : 0);
        }).ToList();
    }
}
