using System.Numerics;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Markets;

namespace ProtocolLab.Protocols.Lending;

/// <summary>Where the market's price comes from.</summary>
public enum FeedKind
{
    /// <summary>PushFeed: a keeper pushes answers (exogenous or market-following oracles).</summary>
    Push,

    /// <summary>UniV2TwapFeed: on-chain time-weighted average of the pair, poked by a keeper.</summary>
    Twap,

    /// <summary>UniV2SpotFeed: the pair's reserves, manipulable on purpose.</summary>
    Spot,

    /// <summary>MedianFeed over <see cref="LendingKitOptions.MedianSources"/>, poked by a keeper.</summary>
    Median,
}

/// <summary>A margin design to deploy. All ratios are WAD (1e18 = 100%).</summary>
public abstract record MarginDesignConfig;

public sealed record FixedMarginConfig(BigInteger InitialLtv, BigInteger LiquidationThreshold, BigInteger CloseFactor, BigInteger Bonus)
    : MarginDesignConfig;

/// <summary>
/// DynamicMargin's constructor values other than the addresses the kit fills in (feed, pair,
/// collateral, and the owner as the keeper that pokes).
/// </summary>
public sealed record DynamicMarginSettings(
    BigInteger MinLiquidationThreshold,
    BigInteger MaxLiquidationThreshold,
    BigInteger VolSensitivity,
    BigInteger LtvGap,
    BigInteger CloseFactor,
    BigInteger MinBonus,
    BigInteger MaxBonus,
    BigInteger BonusVolSensitivity,
    BigInteger EwmaDecay,
    BigInteger MaxReturnPerRound,
    BigInteger MaxThresholdStepPerBlock,
    BigInteger MaxBonusStepPerBlock,
    BigInteger DepthSensitivity,
    BigInteger MaxDepthHaircut) : MarginDesignConfig;

/// <summary>TieredMargin: FixedMargin's four numbers and the health-factor bands below them, highest first.</summary>
public sealed record TieredMarginConfig(FixedMarginConfig Base, IReadOnlyList<HealthBandConfig> Bands) : MarginDesignConfig;

/// <summary>Below HealthBelow, a liquidation may repay CloseFactor of the debt at Bonus (all WAD).</summary>
public sealed record HealthBandConfig(BigInteger HealthBelow, BigInteger CloseFactor, BigInteger Bonus);

/// <summary>A user's own IMarginModel: the artifact's contract name and its constructor arguments.</summary>
public sealed record CustomMarginConfig(string ContractName, IReadOnlyList<object?> ConstructorArgs) : MarginDesignConfig;

/// <summary>Everything the lending kit deploys, in base units and WAD.</summary>
public sealed record LendingKitOptions
{
    public required TokenConfig Collateral { get; init; }

    public required TokenConfig Loan { get; init; }

    /// <summary>Initial pair reserves, base units.</summary>
    public required BigInteger PairCollateralReserve { get; init; }

    public required BigInteger PairLoanReserve { get; init; }

    /// <summary>The first oracle answer (8 decimals, loan per collateral) for a push feed.</summary>
    public required BigInteger InitialAnswer { get; init; }

    public FeedKind Feed { get; init; } = FeedKind.Push;

    public ulong TwapWindowSeconds { get; init; } = 1_800;

    public byte TwapGranularity { get; init; } = 6;

    /// <summary>The median's source feeds in order (Push, Twap or Spot; 3, 5 or 7 of them) when <see cref="Feed"/> is Median.</summary>
    public IReadOnlyList<FeedKind> MedianSources { get; init; } = [];

    /// <summary>The median's deviation guard, WAD of the previous answer.</summary>
    public BigInteger MedianMaxDeviation { get; init; } = Wad.Of(0.5);

    /// <summary>Seconds per hop of a DelayedFeed between the feed and the market; 0 = none.</summary>
    public ulong DelaySeconds { get; init; }

    public required MarginDesignConfig Margin { get; init; }

    public ulong MaxOracleAgeSeconds { get; init; } = 3_600;

    public BigInteger InsuranceShare { get; init; } = Wad.Of(0.5);

    /// <summary>The loss order: true = the insurance fund pays bad debt before lenders (the market's default); false = lenders alone.</summary>
    public bool InsuranceCoversBadDebt { get; init; } = true;

    /// <summary>Debt (loan base units) at or below which a position is liquidated whole.</summary>
    public BigInteger DustThreshold { get; init; }

    public LendingMarket.RateParams Rates { get; init; } = new(Wad.Of(0.02), Wad.Of(0.1), Wad.Of(1.0), Wad.Of(0.8));

    /// <summary>Loan asset seeded into the insurance fund at setup (a backstop), base units.</summary>
    public BigInteger InsuranceSeed { get; init; }

    /// <summary>A CircuitBreaker guarding the market's liquidations (and borrowing, by option); null = none.</summary>
    public CircuitBreakerConfig? CircuitBreaker { get; init; }

    /// <summary>A liquidation module the market hands liquidatable positions to (an auction house, a backstop pool); null = the market's own liquidation.</summary>
    public LiquidationModuleConfig? LiquidationModule { get; init; }

    /// <summary>Loan asset a lender supplies at setup, base units.</summary>
    public required BigInteger LenderSupply { get; init; }

    /// <summary>Loan asset the owner mints at set-up for the lender, the insurance fund and a stability pool's deposits.</summary>
    internal BigInteger OwnerLoanMint => LenderSupply + InsuranceSeed + (LiquidationModule is StabilityPoolConfig pool ? pool.Deposits : 0);
}

/// <summary>A liquidation module to deploy and set on the market (contracts/src/liquidation/). Ratios are WAD.</summary>
public abstract record LiquidationModuleConfig;

/// <summary>
/// DutchAuction's parameters (Maker's Clipper): start buffer, penalty (chop, WAD >= 1), reset age and
/// drawdown (tail seconds, cusp), the decay (exponential: cut per step seconds; linear: tau seconds to zero),
/// and the kicker's incentive (chip share of the tab, tip in loan base units).
/// </summary>
public sealed record DutchAuctionConfig(
    BigInteger Buf, BigInteger Chop, ulong Tail, BigInteger Cusp, bool Exponential, ulong Tau, BigInteger Cut, ulong Step, BigInteger Chip, BigInteger Tip)
    : LiquidationModuleConfig;

/// <summary>EnglishAuction's parameters (Maker's Flipper): minimum increment (beg, WAD > 1), bid duration and auction length in seconds, penalty (chop).</summary>
public sealed record EnglishAuctionConfig(BigInteger Beg, ulong Ttl, ulong Tau, BigInteger Chop) : LiquidationModuleConfig;

/// <summary>StabilityPool's caller share (WAD) and the deposits the owner makes at set-up (loan base units).</summary>
public sealed record StabilityPoolConfig(BigInteger Deposits, BigInteger CallerShare) : LiquidationModuleConfig;

/// <summary>CircuitBreaker's constructor arguments: the largest move (WAD) within a window of blocks, the pause, and whether borrowing pauses too.</summary>
public sealed record CircuitBreakerConfig(BigInteger MaxMove, ulong WindowBlocks, ulong PauseBlocks, bool PausesBorrowing);
