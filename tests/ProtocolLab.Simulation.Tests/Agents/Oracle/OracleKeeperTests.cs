using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Agents.Oracle;

public class OracleKeeperTests
{
    private static readonly OracleSpec Market = new(OracleMode.Market, 0.005, 3600, 1800);
    private static readonly KeeperSpec Keeper = new(true, []);

    [Theory]
    [InlineData(1990.0, 12, true, OraclePushReason.Deviation)]     // exactly 0.5% off: pushes
    [InlineData(2010.0, 12, true, OraclePushReason.Deviation)]     // up as well as down
    [InlineData(1991.0, 12, false, OraclePushReason.NotNeeded)]    // 0.45% off: waits
    [InlineData(1991.0, 3600, true, OraclePushReason.Heartbeat)]   // an hour passed: pushes anyway
    public void Decide_MarketMode_PushesOnDeviationOrHeartbeat(double twap, long now, bool push, OraclePushReason reason)
    {
        // Given a last answer of 2000 pushed at t = 0
        var input = new OracleKeeperInput(1, now, 1500, twap, 2000, 0);

        // When the keeper decides
        var decision = OracleKeeper.Decide(Market, Keeper, input);

        // Then it pushes the TWAP (never the fundamental) when the rule says so
        Assert.Equal(push, decision.Push);
        Assert.Equal(reason, decision.Reason);
        if (push)
        {
            Assert.Equal(twap, decision.Price);
        }
    }

    [Fact]
    public void Decide_MarketModeNothingPushedYet_PushesInitialTwap()
    {
        // Given no previous answer
        // When the keeper decides
        var decision = OracleKeeper.Decide(Market, Keeper, new OracleKeeperInput(0, 0, 2000, 1999, null, null));

        // Then it pushes the TWAP
        Assert.Equal(new OraclePushDecision(true, 1999, OraclePushReason.Initial), decision);
    }

    [Fact]
    public void Decide_Exogenous_PushesFundamentalEveryBlock()
    {
        // Given an exogenous oracle and a pair far from the fundamental price
        var oracle = Market with { Mode = OracleMode.Exogenous };

        // When the keeper decides
        var decision = OracleKeeper.Decide(oracle, Keeper, new OracleKeeperInput(3, 36, 1400, 1800, 1400, 24));

        // Then it pushes the fundamental price even though it did not change
        Assert.Equal(new OraclePushDecision(true, 1400, OraclePushReason.EveryBlock), decision);
    }

    [Theory]
    [InlineData(OracleMode.Twap)]
    [InlineData(OracleMode.Spot)]
    public void Decide_OnChainOracle_NeverPushes(OracleMode mode)
    {
        // Given an oracle read from the pair on chain
        // When / Then the keeper has nothing to do
        var decision = OracleKeeper.Decide(Market with { Mode = mode }, Keeper, new OracleKeeperInput(1, 12, 1000, 1000, null, null));
        Assert.Equal(OraclePushReason.OnChainOracle, decision.Reason);
        Assert.False(decision.Push);
    }

    [Fact]
    public void Decide_StalledOrDisabledKeeper_DoesNotPush()
    {
        // Given a keeper stalled in blocks 5..8, and a disabled one
        var stalled = new KeeperSpec(true, [new BlockRange(5, 8)]);
        var input = new OracleKeeperInput(6, 72, 1000, 1000, 2000, 0);

        // When they decide at block 6 with a 50% deviation
        // Then neither pushes; the stalled one pushes again at block 9
        Assert.Equal(OraclePushReason.KeeperStalled, OracleKeeper.Decide(Market, stalled, input).Reason);
        Assert.Equal(OraclePushReason.KeeperDisabled, OracleKeeper.Decide(Market, Keeper with { Enabled = false }, input).Reason);
        Assert.True(OracleKeeper.Decide(Market, stalled, input with { Block = 9 }).Push);
    }

    [Theory]
    [InlineData(1990.0, 12, true, OraclePushReason.Deviation)]     // the fundamental 0.5% off: pushes
    [InlineData(2012.0, 12, true, OraclePushReason.Deviation)]     // up as well as down
    [InlineData(1991.0, 12, false, OraclePushReason.NotNeeded)]    // 0.45% off: waits
    [InlineData(1991.0, 3599, false, OraclePushReason.NotNeeded)]  // a second before the heartbeat: waits
    [InlineData(1991.0, 3600, true, OraclePushReason.Heartbeat)]   // an hour passed: pushes anyway
    public void Decide_ChainlinkMode_PushesTheFundamentalOnDeviationOrHeartbeat(double fundamental, long now, bool push, OraclePushReason reason)
    {
        // Given a chainlink feed whose last answer 2000 was pushed at t = 0, and a pair far below
        var oracle = Market with { Mode = OracleMode.Chainlink };
        var input = new OracleKeeperInput(1, now, fundamental, 1500, 2000, 0);

        // When the keeper decides
        var decision = OracleKeeper.Decide(oracle, Keeper, input);

        // Then it pushes the fundamental price (never the pair's) when the rule says so
        Assert.Equal(push, decision.Push);
        Assert.Equal(reason, decision.Reason);
        if (push)
        {
            Assert.Equal(fundamental, decision.Price);
        }
    }

    [Fact]
    public void Decide_ChainlinkStalledKeeper_DoesNotPushEvenPastTheHeartbeat()
    {
        // Given a chainlink feed two hours and 30% stale, and a keeper stalled in blocks 5..8
        var oracle = Market with { Mode = OracleMode.Chainlink };
        var stalled = new KeeperSpec(true, [new BlockRange(5, 8)]);

        // When it decides at block 6, Then it does not push
        Assert.Equal(OraclePushReason.KeeperStalled, OracleKeeper.Decide(oracle, stalled, new OracleKeeperInput(6, 7200, 1400, 1400, 2000, 0)).Reason);
    }

    [Fact]
    public void Decide_MedianMode_PushesNothingOfItsOwn()
    {
        // Given a median oracle
        var oracle = Market with { Mode = OracleMode.Median, Sources = [OracleMode.Chainlink, OracleMode.Twap, OracleMode.Spot] };

        // When the keeper decides for the median itself, Then it is poked on chain, never pushed
        var decision = OracleKeeper.Decide(oracle, Keeper, new OracleKeeperInput(1, 12, 1000, 1000, 2000, 0));
        Assert.Equal(OraclePushDecision.Skip(OraclePushReason.OnChainOracle), decision);
    }
}
