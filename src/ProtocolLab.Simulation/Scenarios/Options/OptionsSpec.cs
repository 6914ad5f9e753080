namespace ProtocolLab.Simulation.Scenarios.Options;

/// <summary>
/// The options part of a scenario (top-level <c>options:</c>). Its presence makes the scenario an
/// options scenario: the vault replaces the lending market, writers replace borrowers, and the
/// designs of <c>protocol.designs</c> are option margin models.
/// </summary>
public sealed record OptionsSpec(
    IReadOnlyList<OptionSeriesSpec> Series,
    OptionWritersSpec Writers,
    OptionBuyersSpec Buyers,
    OptionHedgersSpec Hedgers,
    VolatilitySpec Volatility,
    ImpliedVolatilitySpec ImpliedVolatility,
    double LiquidationPenalty,
    double PremiumSpread);

/// <summary>A series opened at setup: strike as a fraction of the initial price, expiry in seconds after genesis.</summary>
public sealed record OptionSeriesSpec(bool IsCall, bool UnderlyingCollateral, double StrikeFraction, int ExpirySeconds);

/// <summary>
/// Writers: writer i writes series i mod (number of series), a size (options) drawn uniformly in
/// [MinSize, MaxSize], with collateral worth a ratio drawn uniformly in [MinCollateralRatio,
/// MaxCollateralRatio] times the design's initial margin of that position.
/// </summary>
public sealed record OptionWritersSpec(int Count, double MinSize, double MaxSize, double MinCollateralRatio, double MaxCollateralRatio);

/// <summary>Buyers take <see cref="Share"/> of every written option; the liquidator bots buy the rest.</summary>
public sealed record OptionBuyersSpec(int Count, double Share);

/// <summary>
/// Delta-hedging market makers: each writes <see cref="OptionsEach"/> options of series
/// <see cref="SeriesIndex"/> with collateral <see cref="CollateralRatio"/> x initial margin, starts
/// hedged, and trades the pair toward delta-neutral when its hedge is off by more than
/// <see cref="Band"/> x OptionsEach (0 = every block).
/// </summary>
public sealed record OptionHedgersSpec(int Count, double OptionsEach, int SeriesIndex, double CollateralRatio, double Band);

/// <summary>VolatilityOracle: seed of the realized estimate, floor, ceiling (annualized) and EWMA decay.</summary>
public sealed record VolatilitySpec(double Initial, double Min, double Max, double EwmaDecay);

/// <summary>Keeper-set implied volatility: <see cref="Initial"/>, and from block <see cref="SpikeAt"/> on, <see cref="SpikeTo"/>.</summary>
public sealed record ImpliedVolatilitySpec(double Initial, int? SpikeAt, double SpikeTo)
{
    public double At(int block) => SpikeAt is { } at && block >= at ? SpikeTo : Initial;
}

/// <summary>An option margin design's parameters (fractions; horizon in seconds).</summary>
public abstract record OptionMarginSpec;

public sealed record FixedOptionMarginSpec(double UnderlyingPct, double FloorPct, double InitialFactor) : OptionMarginSpec;

public sealed record RiskBasedOptionMarginSpec(
    double SigmaMultiple, int HorizonSeconds, double MinMove, double MaxMove, double VolShockUp, int GridPoints, double FloorPct, double InitialFactor)
    : OptionMarginSpec;
