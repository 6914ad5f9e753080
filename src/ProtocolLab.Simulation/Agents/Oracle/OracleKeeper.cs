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

    /// <summary>No push: twap and spot oracles are read on-chain, no keeper involved.</summary>
    OnChainOracle,

    /// <summary>No push: the scenario has no keeper.</summary>
    KeeperDisabled,

    /// <summary>No push: the keeper is stalled (congestion) in this block.</summary>
    KeeperStalled,

    /// <summary>First push of the run.</summary>
    Initial,

    /// <summary>Exogenous mode: the fundamental price every block.</summary>
    EveryBlock,

    /// <summary>|TWAP - last pushed| / last pushed reached the deviation threshold.</summary>
    Deviation,

    /// <summary>heartbeatSeconds elapsed since the last push.</summary>
    Heartbeat,
}

public sealed record OraclePushDecision(bool Push, double Price, OraclePushReason Reason)
{
    public static OraclePushDecision Skip(OraclePushReason reason) => new(false, double.NaN, reason);
}

/// <summary>
/// The oracle keeper's rule. Exogenous: push the fundamental price every block (a CEX-fed
/// feed). Market: push the pair's TWAP when it moved by at least the deviation threshold from
/// the last pushed answer or when the heartbeat elapsed (Chainlink-style). Twap and spot
/// oracles need no keeper.
/// </summary>
public static class OracleKeeper
{
    public static OraclePushDecision Decide(OracleSpec oracle, KeeperSpec keeper, OracleKeeperInput input)
    {
        if (oracle.Mode is OracleMode.Twap or OracleMode.Spot)
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

        if (oracle.Mode == OracleMode.Exogenous)
        {
            return new OraclePushDecision(true, input.FundamentalPrice, OraclePushReason.EveryBlock);
        }

        if (input.LastPushedPrice is not { } last || input.LastPushTimestamp is not { } lastTime)
        {
            return new OraclePushDecision(true, input.PairTwap, OraclePushReason.Initial);
        }

        if (Math.Abs(input.PairTwap - last) / last >= oracle.DeviationThreshold)
        {
            return new OraclePushDecision(true, input.PairTwap, OraclePushReason.Deviation);
        }

        return input.Timestamp - lastTime >= oracle.HeartbeatSeconds
            ? new OraclePushDecision(true, input.PairTwap, OraclePushReason.Heartbeat)
            : OraclePushDecision.Skip(OraclePushReason.NotNeeded);
    }
}
