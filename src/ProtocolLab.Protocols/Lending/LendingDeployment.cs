using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.Lending;

/// <summary>A deployed isolated lending market and everything around it.</summary>
public sealed record LendingDeployment(
    Address Owner,
    TestToken Collateral,
    TestToken Loan,
    UniswapV2 Uniswap,
    UniswapV2Pair Pair,
    AggregatorV3Interface Feed,
    FeedKind FeedKind,
    Contract MarginModel,
    LendingMarket Market,
    LendingLens Lens)
{
    /// <summary>Every feed behind <see cref="Feed"/>, the one the market reads; <see cref="FeedKind"/> is its source's kind (Median for a median).</summary>
    public required LendingFeeds Feeds { get; init; }

    /// <summary>The first keeper-pushed source feed, if any; the owner is its keeper.</summary>
    public PushFeed? PushFeed => Feeds.Sources.FirstOrDefault(s => s.Kind == FeedKind.Push) is { } s ? new PushFeed(Market.Session, s.Address) : null;

    /// <summary>Set when the margin model is DynamicMargin, which needs a poke every block.</summary>
    public DynamicMargin? DynamicMargin { get; init; }

    /// <summary>Set when the market has a CircuitBreaker guard, which the keeper pokes every block.</summary>
    public CircuitBreaker? CircuitBreaker { get; init; }

    /// <summary>Set when the market hands liquidatable positions to a Dutch auction house.</summary>
    public DutchAuction? DutchAuction { get; init; }

    /// <summary>Set when the market hands liquidatable positions to an English auction house.</summary>
    public EnglishAuction? EnglishAuction { get; init; }

    /// <summary>Set when a stability pool absorbs the liquidatable positions it can cover.</summary>
    public StabilityPool? StabilityPool { get; init; }

    /// <summary>The market's liquidation module, whichever it is; null = the market's own liquidation.</summary>
    public Address? LiquidationModule => DutchAuction?.Address ?? EnglishAuction?.Address ?? StabilityPool?.Address;

    /// <summary>The first TWAP source feed, if any, which needs a poke to record observations.</summary>
    public UniV2TwapFeed? TwapFeed => Feeds.Sources.FirstOrDefault(s => s.Kind == FeedKind.Twap) is { } s ? new UniV2TwapFeed(Market.Session, s.Address) : null;
}
