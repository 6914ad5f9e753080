using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Oracle;

/// <summary>
/// What the keeper remembers per feed it serves (<see cref="OracleSpec.Feeds"/>): the last answer it
/// pushed and when. Every feed starts from the kit's first answer, the initial price at set-up.
/// </summary>
internal sealed class OracleKeeperMemory
{
    private readonly OracleSpec _oracle;
    private readonly KeeperSpec _keeper;
    private readonly double[] _lastPrice;
    private readonly long[] _lastTimestamp;

    public OracleKeeperMemory(OracleSpec oracle, KeeperSpec keeper, double initialPrice, long startTimestamp)
    {
        _oracle = oracle;
        _keeper = keeper;
        _lastPrice = Enumerable.Repeat(initialPrice, oracle.Feeds.Count).ToArray();
        _lastTimestamp = Enumerable.Repeat(startTimestamp, oracle.Feeds.Count).ToArray();
    }

    /// <summary>This block's decision: the one feed's, or a median carrying one decision per source.</summary>
    public OraclePushDecision Decide(int block, long timestamp, double fundamental, double pairTwap)
    {
        var decisions = _oracle.Feeds
            .Select((feed, i) => OracleKeeper.Decide(feed, _oracle, _keeper, new OracleKeeperInput(block, timestamp, fundamental, pairTwap, _lastPrice[i], _lastTimestamp[i])))
            .ToList();
        return _oracle.Mode == OracleMode.Median ? OraclePushDecision.Median(decisions) : decisions[0];
    }

    /// <summary>The adapter sent <paramref name="decision"/>'s pushes in a block at <paramref name="timestamp"/>.</summary>
    public void Pushed(OraclePushDecision decision, long timestamp)
    {
        var perFeed = decision.PerFeed;
        for (var i = 0; i < perFeed.Count; i++)
        {
            if (perFeed[i].Push)
            {
                _lastPrice[i] = perFeed[i].Price;
                _lastTimestamp[i] = timestamp;
            }
        }
    }
}
