using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Oracle;

public class OracleKeeperMemoryTests
{
    private static readonly KeeperSpec Keeper = new(true, []);

    [Fact]
    public void Decide_Median_DecidesEverySourceOnItsOwnLastAnswer()
    {
        // Given a median of a chainlink feed, a market feed and a spot feed, all started at 2000 at t = 0
        var oracle = new OracleSpec(OracleMode.Median, 0.005, 3600, 1800) { Sources = [OracleMode.Chainlink, OracleMode.Market, OracleMode.Spot] };
        var memory = new OracleKeeperMemory(oracle, Keeper, 2000, 0);

        // When the fundamental moves 1% and the pair's TWAP 0.1%
        var first = memory.Decide(1, 12, 1980, 1998);

        // Then only the chainlink source pushes, the fundamental; the spot feed is on chain
        Assert.False(first.Push);
        Assert.Equal(
            [new OraclePushDecision(true, 1980, OraclePushReason.Deviation), OraclePushDecision.Skip(OraclePushReason.NotNeeded), OraclePushDecision.Skip(OraclePushReason.OnChainOracle)],
            first.Sources);

        // And once that push is sent, the chainlink source measures from 1980 and the market source still from 2000
        memory.Pushed(first, 12);
        var second = memory.Decide(2, 24, 1975, 1989);
        Assert.Equal(OraclePushReason.NotNeeded, second.Sources[0].Reason);
        Assert.Equal(new OraclePushDecision(true, 1989, OraclePushReason.Deviation), second.Sources[1]);
    }

    [Fact]
    public void Decide_Chainlink_HeartbeatCountsFromTheLastPushSent()
    {
        // Given a chainlink feed started at 2000 at t = 0 and a flat fundamental price
        var oracle = new OracleSpec(OracleMode.Chainlink, 0.005, 3600, 1800);
        var memory = new OracleKeeperMemory(oracle, Keeper, 2000, 0);

        // When an hour passes, the heartbeat push is sent, and 12 s later the keeper decides again
        var beat = memory.Decide(300, 3600, 2000, 2000);
        memory.Pushed(beat, 3600);
        var after = memory.Decide(301, 3612, 2000, 2000);

        // Then it pushed once for the heartbeat and then waits for the next one
        Assert.Equal(new OraclePushDecision(true, 2000, OraclePushReason.Heartbeat), beat);
        Assert.Equal(OraclePushReason.NotNeeded, after.Reason);
        Assert.Equal([after], after.PerFeed);
    }

    [Fact]
    public void Pushed_NotSent_KeepsTheOldAnswer()
    {
        // Given a chainlink feed whose 2% move the adapter did not send (memory not told)
        var oracle = new OracleSpec(OracleMode.Chainlink, 0.005, 3600, 1800);
        var memory = new OracleKeeperMemory(oracle, Keeper, 2000, 0);
        _ = memory.Decide(1, 12, 1960, 2000);

        // When the keeper decides again at the same price, Then it still wants to push it
        Assert.Equal(new OraclePushDecision(true, 1960, OraclePushReason.Deviation), memory.Decide(2, 24, 1960, 2000));
    }
}
