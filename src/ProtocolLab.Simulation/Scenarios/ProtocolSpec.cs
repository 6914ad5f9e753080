namespace ProtocolLab.Simulation.Scenarios;

public enum MarginModelKind
{
    Fixed,
    Dynamic,
    Custom,

    /// <summary>TieredMargin: fixed thresholds, close factor and bonus by health-factor band (designs[].healthBands).</summary>
    Tiered,

    /// <summary>FixedOptionMargin (options scenarios only).</summary>
    OptionFixed,

    /// <summary>RiskBasedOptionMargin (options scenarios only).</summary>
    OptionRiskBased,
}

/// <summary>
/// One margin design to run. <see cref="Contract"/> names the Solidity contract
/// (FixedMargin, DynamicMargin, or the user's own for <see cref="MarginModelKind.Custom"/>).
/// <see cref="Parameters"/> holds every number of the parameters map, in file order, as written.
/// </summary>
public sealed record DesignSpec(
    string Name,
    MarginModelKind Model,
    string Contract,
    BaseMarginParameters Base,
    DynamicMarginParameters? Dynamic,
    IReadOnlyList<KeyValuePair<string, double>> Parameters)
{
    /// <summary>The option margin parameters of an <see cref="MarginModelKind.OptionFixed"/> or <see cref="MarginModelKind.OptionRiskBased"/> design.</summary>
    public Options.OptionMarginSpec? OptionMargin { get; init; }

    /// <summary>The design's circuit breaker (designs[].circuitBreaker); null = none.</summary>
    public CircuitBreakerSpec? CircuitBreaker { get; init; }

    /// <summary>A tiered design's health-factor bands (designs[].healthBands), highest first; empty otherwise.</summary>
    public IReadOnlyList<HealthBandSpec> HealthBands { get; init; } = [];

    /// <summary>The design's insurance fund and loss order (designs[].insurance); null = the protocol's fund, half the penalty, fund first.</summary>
    public InsuranceSpec? Insurance { get; init; }

    /// <summary>How the design's market liquidates (designs[].liquidation); null = the market's own liquidation.</summary>
    public LiquidationMechanismSpec? Liquidation { get; init; }
}

/// <summary>
/// A circuit breaker on ProtocolLab's market: liquidations (and, if <see cref="PausesBorrowing"/>,
/// borrowing) pause when the oracle moves more than <see cref="MaxMove"/> within <see cref="WindowBlocks"/>
/// blocks, for <see cref="PauseBlocks"/> blocks after the last block that saw such a move.
/// </summary>
/// <summary>Below <paramref name="HealthBelow"/>, a liquidation may repay <paramref name="CloseFactor"/> of the debt at <paramref name="Bonus"/>.</summary>
public sealed record HealthBandSpec(double HealthBelow, double CloseFactor, double Bonus);

public sealed record CircuitBreakerSpec(double MaxMove, int WindowBlocks, int PauseBlocks, bool PausesBorrowing);

/// <summary>
/// designs[].insurance: the design's insurance fund (null = protocol.insuranceFund), the share of each
/// liquidation penalty paid into it, and the loss order (fund first, or lenders alone as Morpho Blue).
/// </summary>
public sealed record InsuranceSpec(double? Fund, double FeeShare, bool FundFirst);

/// <summary>The four numbers every design has, as fractions (0.8 = 80%).</summary>
public sealed record BaseMarginParameters(
    double InitialLtv,
    double LiquidationThreshold,
    double CloseFactor,
    double Bonus);

/// <summary>
/// DynamicMargin's knobs: the threshold falls with realized volatility and with position
/// size relative to pool depth, stays within [MinThreshold, MaxThreshold], and moves at most
/// MaxThresholdChangePerBlock (absolute, e.g. 0.005 = half a percentage point) per block. The
/// bonus rises with volatility up to MaxBonus, at most MaxBonusChangePerBlock per block.
/// </summary>
public sealed record DynamicMarginParameters(
    double VolatilitySensitivity,
    double LiquiditySensitivity,
    double MinThreshold,
    double MaxThreshold,
    double MaxThresholdChangePerBlock)
{
    public const double DefaultEwmaDecay = 0.9;
    public const double DefaultMaxReturnPerRound = 0.25;
    public const double DefaultMaxBonusChangePerBlock = 0.005;

    /// <summary>Weight the previous variance and depth keep at each new oracle round.</summary>
    public double EwmaDecay { get; init; } = DefaultEwmaDecay;

    /// <summary>Cap on one round's absolute return before it enters the variance.</summary>
    public double MaxReturnPerRound { get; init; } = DefaultMaxReturnPerRound;

    /// <summary>Bonus ceiling; the design's bonus is the floor.</summary>
    public double? MaxBonus { get; init; }

    /// <summary>Bonus rise per unit of per-round sigma; null means the design's base bonus.</summary>
    public double? BonusVolatilitySensitivity { get; init; }

    public double MaxBonusChangePerBlock { get; init; } = DefaultMaxBonusChangePerBlock;

    /// <summary>Ceiling of the depth haircut; null means maxThreshold - minThreshold.</summary>
    public double? MaxDepthHaircut { get; init; }

    /// <summary>Twice the base bonus, at most 20%.</summary>
    public static double DefaultMaxBonus(double bonus) => Math.Min(2 * bonus, 0.2);
}

/// <summary>Which protocol the scenario's designs run on (<c>protocol.kind</c>).</summary>
public enum ProtocolKind
{
    /// <summary>ProtocolLab's own lending market (or options vault), with any margin model contract.</summary>
    ProtocolLab,

    /// <summary>Aave v3 (@aave/core-v3 1.19.3 bytecode): the design sets the reserve's LTV, threshold and bonus.</summary>
    AaveV3,

    /// <summary>Morpho Blue (@morpho-org/morpho-blue 1.0.0 sources): the design's threshold is the market's LLTV.</summary>
    MorphoBlue,
}

public sealed record ProtocolSpec(
    IReadOnlyList<DesignSpec> Designs,
    double InsuranceFund,
    int MaxOracleAgeSeconds)
{
    public ProtocolKind Kind { get; init; } = ProtocolKind.ProtocolLab;
}
