using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Tests.Metrics;

public class DrawdownTests
{
    [Fact]
    public void Max_RallyThenCrash_MeasuresFromTheRunningPeak()
    {
        // Given 100 -> 120 -> 90 -> 110 -> 60
        // When the maximum drawdown is computed
        var drawdown = Drawdown.Max([100, 120, 90, 110, 60]);

        // Then it is 1 - 60 / 120 = 0.5 (not 1 - 60 / 100)
        Assert.Equal(0.5, drawdown, 12);
    }

    [Fact]
    public void Max_NeverFalling_IsZero()
    {
        // Given a flat then rising series
        // When / Then there is no drawdown
        Assert.Equal(0, Drawdown.Max([100, 100, 101, 150]));
    }

    [Fact]
    public void Max_OracleNotYetPushed_SkipsTheGap()
    {
        // Given an oracle with no answer in its first block
        // When / Then the missing value is ignored
        Assert.Equal(0.2, Drawdown.Max([double.NaN, 100, 80]), 12);
    }

    [Theory]
    [InlineData(0.45, 0.3, 1.5)]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(0.0, 0.2, 0.0)]
    public void AmplificationRatio_Drawdowns_IsOracleOverFundamental(double oracle, double fundamental, double expected)
    {
        // Given the two maximum drawdowns
        // When the ratio is computed
        // Then it is their quotient, and 1 when neither price fell
        Assert.Equal(expected, Drawdown.AmplificationRatio(oracle, fundamental)!.Value, 12);
    }

    [Fact]
    public void AmplificationRatio_OnlyOracleFell_IsUndefined()
    {
        // Given a flat fundamental price and a falling oracle (e.g. a manipulated spot oracle)
        // When / Then the ratio is undefined rather than infinite
        Assert.Null(Drawdown.AmplificationRatio(0.1, 0));
    }

    [Fact]
    public void ShockBlock_StepCrash_IsTheFirstBlockBelowInitial()
    {
        // Given the hand-made crash at block 3, and a series that never falls
        // When / Then the shock is block 3, and 0 without a fall
        Assert.Equal(3, Drawdown.ShockBlock(MetricSeries.Crash));
        Assert.Equal(0, Drawdown.ShockBlock([MetricSeries.Block(0), MetricSeries.Block(1, fundamental: 120)]));
    }
}
