using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Protocols.Lending;
using ProtocolLab.Simulation.Engine;

namespace ProtocolLab.Simulation.Lending;

/// <summary>
/// Opens positions at the prices they were opened at before the run (population.openingPrice), so
/// some start closer to their threshold than an opening at today's price allows. While the groups
/// open, the market reads a set-up PushFeed (the owner's governance call setOracle), whose answer
/// steps through the groups' prices from the lowest; then the market reads its own feed again.
/// The set-up feed is a stand-in for history, never used once the run starts.
/// </summary>
internal static class PastPriceOpener
{
    public static async Task OpenAsync(
        LendingDeployment d, ArtifactStore artifacts, IReadOnlyList<(PositionPlan Plan, double Price)> positions, CancellationToken cancellationToken)
    {
        var session = d.Market.Session;
        var history = await PushFeed.DeployAsync(session, artifacts, d.Owner, LendingKit.FeedDecimals, "opening prices", d.Owner, cancellationToken: cancellationToken);
        await d.Market.SetOracleAsync(d.Owner, history.Address, cancellationToken: cancellationToken);
        foreach (var group in positions.GroupBy(p => p.Price).OrderBy(g => g.Key))
        {
            await history.PushAnswerAsync(d.Owner, WorldKit.Answer(group.Key), cancellationToken: cancellationToken);
            await PositionOpener.OpenAsync(d, group.Select(p => p.Plan).ToList(), cancellationToken);
        }
        await d.Market.SetOracleAsync(d.Owner, d.Feed.Address, cancellationToken: cancellationToken);
    }
}
