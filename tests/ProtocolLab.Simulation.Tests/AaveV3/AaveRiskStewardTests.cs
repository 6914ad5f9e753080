using ProtocolLab.Simulation.AaveV3;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.AaveV3;

public class AaveRiskStewardTests
{
    private static readonly BaseMarginParameters Design = new(0.75, 0.80, 0.5, 0.05);

    private static readonly DynamicMarginParameters Rule = new(VolatilitySensitivity: 2, LiquiditySensitivity: 0, MinThreshold: 0.65, MaxThreshold: 0.80, MaxThresholdChangePerBlock: 0.005)
    {
        EwmaDecay = 0.9,
        MaxReturnPerRound = 0.25,
        MaxBonus = 0.1,
        BonusVolatilitySensitivity = 0.05,
        MaxBonusChangePerBlock = 0.005,
    };

    [Fact]
    public void Observe_CalmPrice_LeavesTheReserveAsDesigned()
    {
        // Given a steward at the design's 75/80/5 and a price that does not move
        var steward = new AaveRiskSteward(Design, Rule);

        // When it sees the same answer for 20 blocks
        var changes = Enumerable.Range(0, 20).Select(_ => steward.Observe(2000)).ToList();

        // Then it never re-prices the reserve
        Assert.All(changes, Assert.Null);
        Assert.Equal(new ReserveTerms(0.75, 0.80, 0.05), steward.Terms);
    }

    [Fact]
    public void Observe_CrashRound_StepsTowardTheTargetAtMostOneStepPerBlock()
    {
        // Given a steward that has seen 2000, then a 30% round: r = 0.25 (capped), var = 0.1 x 0.0625,
        // sigma = 0.0791, targetLT = 0.80 - 2 x 0.0791 = 0.6419, clamped to 0.65
        var steward = new AaveRiskSteward(Design, Rule);
        steward.Observe(2000);

        // When the crash round lands and 40 quiet blocks follow
        var terms = new List<ReserveTerms> { steward.Observe(1400)! };
        for (var i = 0; i < 40; i++)
            terms.Add(steward.Observe(1400) ?? terms[^1]);

        // Then the threshold falls by exactly 0.005 a block, to the floor 0.65 after 30 blocks, the LTV
        // keeps the design's 5-point gap, and the bonus rises by at most 0.005 a block to 0.05 + 0.05 x sigma
        Assert.Equal(0.795, terms[0].LiquidationThreshold, 9);
        Assert.Equal(0.745, terms[0].Ltv, 9);
        for (var i = 1; i < terms.Count; i++)
        {
            Assert.InRange(terms[i - 1].LiquidationThreshold - terms[i].LiquidationThreshold, 0, 0.005 + 1e-9);
            Assert.InRange(terms[i].Bonus - terms[i - 1].Bonus, 0, 0.005 + 1e-9);
        }
        Assert.Equal(0.65, terms[^1].LiquidationThreshold, 9);
        Assert.Equal(0.0539, terms[^1].Bonus, 9);
        Assert.All(terms, t => Assert.True(t.LiquidationThreshold * (1 + t.Bonus) <= 1));
        Assert.All(terms, t => Assert.Equal(Math.Round(t.LiquidationThreshold * 10_000), t.LiquidationThreshold * 10_000, 6));
    }
}
