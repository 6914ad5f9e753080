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
    /// <summary>Set when the feed is a PushFeed; the owner is its keeper.</summary>
    public PushFeed? PushFeed => FeedKind == FeedKind.Push ? new PushFeed(Market.Session, Feed.Address) : null;

    /// <summary>Set when the margin model is DynamicMargin, which needs a poke every block.</summary>
    public DynamicMargin? DynamicMargin { get; init; }

    /// <summary>Set when the feed is a TWAP, which needs a poke to record observations.</summary>
    public UniV2TwapFeed? TwapFeed => FeedKind == FeedKind.Twap ? new UniV2TwapFeed(Market.Session, Feed.Address) : null;
}
