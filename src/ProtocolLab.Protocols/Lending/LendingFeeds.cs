using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;

namespace ProtocolLab.Protocols.Lending;

/// <summary>One source feed the kit deployed: a keeper-pushed feed, a TWAP or a spot feed.</summary>
public sealed record SourceFeed(FeedKind Kind, Address Address);

/// <summary>
/// The feeds behind a lending market's price, from the sources to what the market reads: the one feed
/// or a median's sources (in the scenario's order), the median over them, and the delay module in front.
/// </summary>
public sealed record LendingFeeds(IReadOnlyList<SourceFeed> Sources, MedianFeed? Median, DelayedFeed? Delayed)
{
    /// <summary>The feed the market (and a dynamic margin model) reads.</summary>
    public Address MarketFeed => Delayed?.Address ?? Median?.Address ?? Sources[0].Address;
}
