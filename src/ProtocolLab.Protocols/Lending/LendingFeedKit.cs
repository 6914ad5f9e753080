using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Uniswap;

namespace ProtocolLab.Protocols.Lending;

/// <summary>
/// Deploys a lending market's feeds: each source (a push feed answering the initial price, a TWAP poked
/// once, a spot feed), then a MedianFeed over them when asked, then a DelayedFeed in front when asked.
/// Each composed feed is poked once so the market has a price before any position opens.
/// </summary>
internal static class LendingFeedKit
{
    public static async Task<LendingFeeds> DeployAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, LendingKitOptions options, UniswapV2Pair pair, TestToken collateral, CancellationToken cancellationToken)
    {
        var kinds = options.Feed == FeedKind.Median ? options.MedianSources : [options.Feed];
        var sources = new List<SourceFeed>();
        foreach (var kind in kinds)
            sources.Add(new SourceFeed(kind, await DeploySourceAsync(session, artifacts, owner, options, kind, pair, collateral, cancellationToken)));

        MedianFeed? median = null;
        if (options.Feed == FeedKind.Median)
        {
            median = await MedianFeed.DeployAsync(session, artifacts, owner, [.. sources.Select(s => s.Address)], options.MedianMaxDeviation, cancellationToken: cancellationToken);
            await median.PokeAsync(owner, cancellationToken: cancellationToken);
            await RequireAnswerAsync(session, median.Address, "the median feed found no quorum of usable sources at set-up", cancellationToken);
        }

        DelayedFeed? delayed = null;
        if (options.DelaySeconds > 0)
        {
            delayed = await DelayedFeed.DeployAsync(session, artifacts, owner, median?.Address ?? sources[0].Address, options.DelaySeconds, cancellationToken: cancellationToken);
            await delayed.PokeAsync(owner, cancellationToken: cancellationToken);
            await RequireAnswerAsync(session, delayed.Address, "the delay module's source had no answer at set-up", cancellationToken);
        }

        return new LendingFeeds(sources, median, delayed);
    }

    private static async Task<Address> DeploySourceAsync(
        ChainSession session, ArtifactStore artifacts, Address owner, LendingKitOptions options, FeedKind kind, UniswapV2Pair pair, TestToken collateral, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case FeedKind.Push:
                var push = await PushFeed.DeployAsync(
                    session, artifacts, owner, LendingKit.FeedDecimals, $"{options.Collateral.Symbol} / {options.Loan.Symbol}", owner, cancellationToken: cancellationToken);
                await push.PushAnswerAsync(owner, options.InitialAnswer, cancellationToken: cancellationToken);
                return push.Address;
            case FeedKind.Twap:
                var twap = await UniV2TwapFeed.DeployAsync(
                    session, artifacts, owner, pair.Address, collateral.Address, options.TwapWindowSeconds, options.TwapGranularity, cancellationToken: cancellationToken);
                await twap.PokeAsync(owner, cancellationToken: cancellationToken);
                return twap.Address;
            case FeedKind.Spot:
                var spot = await UniV2SpotFeed.DeployAsync(session, artifacts, owner, pair.Address, collateral.Address, cancellationToken: cancellationToken);
                return spot.Address;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "a source feed is a push, TWAP or spot feed");
        }
    }

    private static async Task RequireAnswerAsync(ChainSession session, Address feed, string problem, CancellationToken cancellationToken)
    {
        var round = await new AggregatorV3Interface(session, feed).LatestRoundDataAsync(cancellationToken: cancellationToken);
        if (round.Answer <= 0)
            throw new InvalidOperationException(problem);
    }
}
