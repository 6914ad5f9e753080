using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.AaveV3;

/// <summary>
/// A dynamic design on Aave v3, the way risk oracles adjust Aave today: a risk steward re-prices the
/// collateral reserve through the protocol's own governance path (the risk admin's
/// PoolConfigurator.configureReserveAsCollateral), on DynamicMargin's volatility rule
/// (docs/margin-models.md): an EWMA of capped oracle returns, targetLT = clamp(maxLT - volSensitivity x
/// sigma, minLT, maxLT), the bonus likewise, each moving at most one step per block. The depth
/// haircut is per position, which a reserve-wide parameter cannot express: it is refused when the
/// scenario is read. Values are whole basis points, rounded toward the protocol (threshold and LTV
/// down, bonus down), and threshold x (1 + bonus) never exceeds 1, which Aave refuses.
/// </summary>
internal sealed class AaveRiskSteward(BaseMarginParameters design, DynamicMarginParameters rule)
{
    private double _variance;
    private double? _lastPrice;

    /// <summary>The reserve's configuration now: starts at the design's values.</summary>
    public ReserveTerms Terms { get; private set; } = new(design.InitialLtv, design.LiquidationThreshold, design.Bonus);

    /// <summary>
    /// The block's oracle answer; returns the new terms when they moved by at least a basis point (the
    /// steward then sends them), null otherwise. A price equal to the last one is no new round.
    /// </summary>
    public ReserveTerms? Observe(double oraclePrice)
    {
        if (_lastPrice is { } last && oraclePrice != last && last > 0)
        {
            var r = Math.Min(Math.Abs(oraclePrice - last) / last, rule.MaxReturnPerRound);
            _variance = (rule.EwmaDecay * _variance) + ((1 - rule.EwmaDecay) * r * r);
        }
        _lastPrice = oraclePrice;
        var sigma = Math.Sqrt(_variance);
        var targetLt = Math.Clamp(rule.MaxThreshold - (rule.VolatilitySensitivity * sigma), rule.MinThreshold, rule.MaxThreshold);
        var maxBonus = rule.MaxBonus ?? DynamicMarginParameters.DefaultMaxBonus(design.Bonus);
        var targetBonus = Math.Clamp(design.Bonus + ((rule.BonusVolatilitySensitivity ?? design.Bonus) * sigma), design.Bonus, maxBonus);

        var lt = FloorBps(Step(Terms.LiquidationThreshold, targetLt, rule.MaxThresholdChangePerBlock));
        var bonus = FloorBps(Step(Terms.Bonus, targetBonus, rule.MaxBonusChangePerBlock));
        if (lt * (1 + bonus) > 1)
            bonus = FloorBps((1 / lt) - 1);
        var ltv = FloorBps(Math.Max(0, lt - (design.LiquidationThreshold - design.InitialLtv)));
        var next = new ReserveTerms(ltv, lt, bonus);
        if (next == Terms)
            return null;
        Terms = next;
        return next;
    }

    private static double Step(double current, double target, double maxStep) =>
        current + Math.Clamp(target - current, -maxStep, maxStep);

    /// <summary>Down to a whole basis point; the tiny epsilon keeps 0.8 from flooring to 0.7999.</summary>
    private static double FloorBps(double value) => Math.Floor((value * 10_000) + 1e-9) / 10_000;
}

/// <summary>An Aave collateral reserve's LTV, liquidation threshold and bonus, as fractions.</summary>
internal sealed record ReserveTerms(double Ltv, double LiquidationThreshold, double Bonus);
