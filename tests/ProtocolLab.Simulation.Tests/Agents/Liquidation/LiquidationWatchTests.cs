using ProtocolLab.Simulation.Agents.Liquidation;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidation;

public class LiquidationWatchTests
{
    private static readonly PositionSnapshot Sick = new(3, 100, 100, 0.9);
    private static readonly PositionSnapshot Recovered = Sick with { HealthFactor = 1.2 };

    [Fact]
    public void Observe_StillLiquidatable_KeepsTheFirstBlock()
    {
        // Given a position seen liquidatable at 5 and again at 6
        var watch = LiquidationWatch.Empty.Observe(5, [Sick]).Observe(6, [Sick]);

        // When / Then it has been watched since 5, ripe for a delay of 1 at block 6, not of 2
        Assert.Equal(5, watch.FirstSeen(3));
        Assert.True(watch.IsRipe(3, 6, 1));
        Assert.False(watch.IsRipe(3, 6, 2));
    }

    [Fact]
    public void Observe_RecoveredThenSickAgain_RestartsTheDelay()
    {
        // Given a position that recovered at 7 and fell again at 8
        var watch = LiquidationWatch.Empty.Observe(5, [Sick]).Observe(7, [Recovered]).Observe(8, [Sick]);

        // When / Then its episode starts at 8
        Assert.Equal(8, watch.FirstSeen(3));
    }

    [Fact]
    public void IsRipe_NeverSeen_IsFalse()
    {
        // Given an empty watch
        // When / Then nothing is ripe, even with no delay
        Assert.False(LiquidationWatch.Empty.IsRipe(3, 10, 0));
    }
}
