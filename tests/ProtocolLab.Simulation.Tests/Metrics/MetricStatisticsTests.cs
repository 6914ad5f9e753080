using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Tests.Metrics;

public class MetricStatisticsTests
{
    [Fact]
    public void Of_OneToFive_GivesStudentTInterval()
    {
        // Given 1, 2, 3, 4, 5: mean 3, sd sqrt(2.5), t(0.975, 4) = 2.7764 (printed t tables)
        // When the statistics are computed
        var m = MetricStatistics.Of("x", [1, 2, 3, 4, 5]);

        // Then the interval is 3 +/- 2.7764 x 1.58114 / sqrt(5) = 3 +/- 1.9632 and p95 = 4 + 0.8 = 4.8
        Assert.Equal(5, m.Count);
        Assert.Equal(3, m.Mean, 12);
        Assert.Equal(Math.Sqrt(2.5), m.StandardDeviation, 12);
        Assert.Equal(3 - 1.9632, m.ConfidenceLow, 3);
        Assert.Equal(3 + 1.9632, m.ConfidenceHigh, 3);
        Assert.Equal(4.8, m.P95, 12);
        Assert.Equal(1, m.Min);
        Assert.Equal(5, m.Max);
    }

    [Fact]
    public void Percentile_OneToTwenty_MatchesNumpyDefault()
    {
        // Given 1..20 (numpy.percentile(range(1, 21), 95) = 19.05)
        // When / Then the type-7 95th percentile is 19.05
        Assert.Equal(19.05, MetricStatistics.Percentile([.. Enumerable.Range(1, 20).Select(i => (double)i)], 0.95), 12);
    }

    [Fact]
    public void Of_SingleRun_CollapsesTheIntervalOnTheValue()
    {
        // Given one run
        // When / Then there is no spread
        var m = MetricStatistics.Of("x", [7]);
        Assert.Equal((7.0, 7.0, 0.0, 7.0), (m.ConfidenceLow, m.ConfidenceHigh, m.StandardDeviation, m.P95));
    }

    [Fact]
    public void Of_UndefinedValues_AreLeftOut()
    {
        // Given a run whose metric is undefined, and a metric undefined everywhere
        // When / Then the defined ones are aggregated, and an empty set gives NaN
        Assert.Equal((2, 2.0), (MetricStatistics.Of("x", [1, null, 3]).Count, MetricStatistics.Of("x", [1, null, 3]).Mean));
        Assert.True(double.IsNaN(MetricStatistics.Of("x", [null]).Mean));
    }

    [Fact]
    public void Aggregate_TwoRuns_GivesOneEntryPerMetricInReportOrder()
    {
        // Given two runs, only one with a defined amplification ratio
        var first = RunSummaryCalculator.Summarize(MetricSeries.Crash, new RunTotals(10_000, 100));
        var second = first with { LiquidationCount = 11, AmplificationRatio = null };

        // When aggregated
        var statistics = RunAggregator.Aggregate([first, second]);

        // Then metrics come in the documented order with the right counts
        Assert.Equal(MetricCatalog.All.Where(m => m.Scope == MetricScope.Every).Select(m => m.Name), statistics.Select(s => s.Metric));
        Assert.Equal(10, statistics.Single(s => s.Metric == "liquidationCount").Mean);
        Assert.Equal(1, statistics.Single(s => s.Metric == "amplificationRatio").Count);
    }
}
