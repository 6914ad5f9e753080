using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Oracle;

/// <summary>What the keeper knows at a block. Prices in whole loan units per collateral unit.</summary>
public sealed record OracleKeeperInput(
    int Block,
    long Timestamp,
    double FundamentalPrice,
    double PairTwap,
    double? LastPushedPrice,
    long? LastPushTimestamp);

public enum OraclePushReason
{
    /// <summary>No push: within the deviation threshold and the heartbeat.</summary>
    NotNeeded,

    /// <summary>No push: twap, spot and median oracles are read (the median poked) on-chain; a median's push sources decide each in <see cref="OraclePushDecision.Sources"/>.</summary>
    OnChainOracle,

    /// <summary>No push: the scenario has no keeper.</summary>
    KeeperDisabled,

    /// <summary>No push: the keeper is stalled (congestion) in this block.</summary>
    KeeperStalled,

    /// <summary>First push of the run.</summary>
    Initial,

    /// <summary>Exogenous mode: the fundamental price every block.</summary>
    EveryBlock,

    /// <summary>|price - last pushed| / last pushed reached the deviation threshold (the TWAP in market mode, the fundamental price in chainlink mode).</summary>
    Deviation,

    /// <summary>heartbeatSeconds elapsed since the last push.</summary>
    Heartbeat,
}

public sealed record OraclePushDecision(bool Push, double Price, OraclePushReason Reason)
{
    /// <summary>A median's decisions, one per source feed in order (<see cref="OracleSpec.Feeds"/>); empty for a single feed.</summary>
    public IReadOnlyList<OraclePushDecision> Sources { get; init; } = [];

    /// <summary>One decision per feed the kit deployed: the median's sources, or this decision for the one feed.</summary>
    public IReadOnlyList<OraclePushDecision> PerFeed => Sources.Count > 0 ? Sources : [this];

    public static OraclePushDecision Skip(OraclePushReason reason) => new(false, double.NaN, reason);

    /// <summary>A median pushes nothing itself: it is poked on-chain; its sources' decisions travel with it.</summary>
    public static OraclePushDecision Median(IReadOnlyList<OraclePushDecision> sources) =>
        Skip(OraclePushReason.OnChainOracle) with { Sources = sources };
}

/// <summary>
/// The oracle keeper's rule, per feed. Exogenous: push the fundamental price every block (a CEX-fed
/// feed). Chainlink: push the fundamental price when it moved by at least the deviation threshold from
/// the last pushed answer or when the heartbeat elapsed (Chainlink's ETH/USD rule: 0.5%, 1 h). Market:
/// the same rule over the pair's TWAP. Twap, spot and median oracles need no push (a median's sources
/// are decided one by one).
/// </summary>
public static class OracleKeeper
{
    public static OraclePushDecision Decide(OracleSpec oracle, KeeperSpec keeper, OracleKeeperInput input) =>
        Decide(oracle.Mode, oracle, keeper, input);

    /// <summary>The rule for one feed of kind <paramref name="feed"/> (the mode, or one median source).</summary>
    public static OraclePushDecision Decide(OracleMode feed, OracleSpec oracle, KeeperSpec keeper, OracleKeeperInput input)
    {
        if (feed is OracleMode.Twap or OracleMode.Spot or OracleMode.Median)
        {
            return OraclePushDecision.Skip(OraclePushReason.OnChainOracle);
        }

        if (!keeper.Enabled)
        {
            return OraclePushDecision.Skip(OraclePushReason.KeeperDisabled);
        }

        if (keeper.Stalls.Any(stall => stall.Contains(input.Block)))
        {
            return OraclePushDecision.Skip(OraclePushReason.KeeperStalled);
        }

        if (feed == OracleMode.Exogenous)
        {
            return new OraclePushDecision(true, input.FundamentalPrice, OraclePushReason.EveryBlock);
        }

        var price = feed == OracleMode.Chainlink ? input.FundamentalPrice : input.PairTwap;
        if (input.LastPushedPrice is not { } last || input.LastPushTimestamp is not { } lastTime)
        {
            return new OraclePushDecision(true, price, OraclePushReason.Initial);
        }

        if (Math.Abs(price - last) / last >= oracle.DeviationThreshold)
        {
            return new OraclePushDecision(true, price, OraclePushReason.Deviation);
        }

        return input.Timestamp - lastTime >= oracle.HeartbeatSeconds
            ? new OraclePushDecision(true, price, OraclePushReason.Heartbeat)
            : OraclePushDecision.Skip(OraclePushReason.NotNeeded);
    }
}
