using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Tests.Metrics;

public class MeanIntervalTests
{
    [Fact]
    public void Of_FewZeroHeavyDurations_CutsTheTIntervalAtZero()
    {
        // Given cascade durations of 0, 0, 0, 9: mean 2.25, s = 4.5, t(0.975, 3) = 3.18245, t-interval [-4.91, 9.41]
        double[] values = [0, 0, 0, 9];

        // When the interval is computed
        var interval = MeanInterval.Of("cascadeDurationBlocks", values);

        // Then it is the t-interval cut at 0
        Assert.Equal(MeanInterval.StudentT, interval.Method);
        Assert.Equal(0, interval.Low);
        Assert.Equal(2.25 + (3.18245 * 4.5 / 2), interval.High, 3);
    }

    [Fact]
    public void Of_ManyZeroHeavyDurations_BootstrapsInsideTheValuesRange()
    {
        // Given 12 runs, 8 of them without a cascade
        double[] values = [0, 0, 0, 0, 0, 0, 0, 0, 9, 4, 12, 7];

        // When the interval is computed
        var interval = MeanInterval.Of("cascadeDurationBlocks", values);

        // Then it is a bootstrap interval within the values' range around the mean 2.667
        Assert.Equal(MeanInterval.Bootstrap, interval.Method);
        Assert.InRange(interval.Low, 0.01, 2.667);
        Assert.InRange(interval.High, 2.667, 12);
    }

    [Fact]
    public void Of_SameValuesTwice_GivesTheSameBootstrapInterval()
    {
        // Given a zero-heavy sample large enough to bootstrap
        double[] values = [0, 0, 3, 0, 5, 0, 1, 0, 2, 0];

        // When the interval is computed twice
        var first = MeanInterval.Of("badDebt", values);
        var second = MeanInterval.Of("badDebt", values);

        // Then replays agree to the bit
        Assert.Equal(MeanInterval.Bootstrap, first.Method);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Of_ValuesAwayFromZero_UsesStudentT()
    {
        // Given 10, 12, 14: mean 12, s = 2, half-width t(0.975, 2) x 2 / sqrt(3) = 4.968
        var interval = MeanInterval.Of("badDebtPercentOfInitialDebt", [10, 12, 14]);

        // Then the t-interval
        Assert.Equal(MeanInterval.StudentT, interval.Method);
        Assert.Equal(7.032, interval.Low, 3);
        Assert.Equal(16.968, interval.High, 3);
    }
}
