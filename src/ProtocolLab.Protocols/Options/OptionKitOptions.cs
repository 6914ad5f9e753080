using System.Numerics;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.Options;

/// <summary>An option margin design to deploy. Ratios WAD (1e18 = 100%).</summary>
public abstract record OptionMarginConfig;

/// <summary>FixedOptionMargin: mark + max(underlyingPct x S - OTM, floorPct x (S or K)), times initialFactor for initial margin.</summary>
public sealed record FixedOptionMarginConfig(BigInteger UnderlyingPct, BigInteger FloorPct, BigInteger InitialFactor) : OptionMarginConfig;

/// <summary>RiskBasedOptionMargin's constructor values (see contracts/src/options/RiskBasedOptionMargin.sol).</summary>
public sealed record RiskBasedOptionMarginConfig(
    BigInteger SigmaMultiple,
    BigInteger HorizonSeconds,
    BigInteger MinMove,
    BigInteger MaxMove,
    BigInteger VolShockUp,
    BigInteger GridPoints,
    BigInteger FloorPct,
    BigInteger InitialFactor) : OptionMarginConfig;

/// <summary>One series the owner opens at deploy time; strike WAD (loan asset per unit of underlying), expiry Unix seconds.</summary>
public sealed record OptionSeriesConfig(bool IsCall, bool UnderlyingCollateral, BigInteger Strike, ulong Expiry);

/// <summary>Everything the option kit deploys, in base units and WAD.</summary>
public sealed record OptionKitOptions
{
    public required TokenConfig Underlying { get; init; }

    public required TokenConfig Loan { get; init; }

    /// <summary>Initial pair reserves, base units.</summary>
    public required BigInteger PairUnderlyingReserve { get; init; }

    public required BigInteger PairLoanReserve { get; init; }

    /// <summary>The first answer of the push feed (8 decimals, loan per underlying).</summary>
    public required BigInteger InitialAnswer { get; init; }

    public required OptionMarginConfig Margin { get; init; }

    public required IReadOnlyList<OptionSeriesConfig> Series { get; init; }

    public ulong MaxOracleAgeSeconds { get; init; } = 3_600;

    public BigInteger LiquidationPenalty { get; init; } = Wad.Of(0.1);

    public BigInteger PremiumSpread { get; init; } = Wad.Of(0.02);

    public BigInteger StrikeBand { get; init; } = Wad.Of(2);

    /// <summary>VolatilityOracle: EWMA decay, seed of the realized estimate, floor and ceiling (annualized WAD).</summary>
    public BigInteger EwmaDecay { get; init; } = Wad.Of(0.94);

    public BigInteger InitialVolatility { get; init; } = Wad.Of(0.6);

    public BigInteger MinVolatility { get; init; } = Wad.Of(0.1);

    public BigInteger MaxVolatility { get; init; } = Wad.Of(5);

    /// <summary>Keeper-set implied volatility at deploy time; 0 = realized only.</summary>
    public BigInteger ImpliedVolatility { get; init; }
}
