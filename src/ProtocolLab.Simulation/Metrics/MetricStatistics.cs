namespace ProtocolLab.Simulation.Metrics;

/// <summary>
/// One metric over the runs of a design: n runs where it was defined, mean, sample standard
/// deviation, the 95% confidence interval of the mean (<see cref="MeanInterval"/>: Student t, or a
/// percentile bootstrap for zero-heavy metrics; collapses to the mean when n = 1), the 95th
/// percentile (linear interpolation between order statistics, Hyndman-Fan type 7, as numpy
/// and Excel PERCENTILE.INC), min and max. NaN when n = 0.
/// </summary>
public sealed record MetricStatistics(
    string Metric,
    int Count,
    double Mean,
    double StandardDeviation,
    double ConfidenceLow,
    double ConfidenceHigh,
    double P95,
    double Min,
    double Max)
{
    /// <summary>How the interval was computed: "t" or "bootstrap".</summary>
    public string IntervalMethod { get; init; } = MeanInterval.StudentT;

    public static MetricStatistics Of(string metric, IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).Order().ToArray();
        var n = sorted.Length;
        if (n == 0)
        {
            return new MetricStatistics(metric, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = sorted.Average();
        var sd = n > 1 ? Math.Sqrt(sorted.Sum(x => (x - mean) * (x - mean)) / (n - 1)) : 0;
        var interval = MeanInterval.Of(metric, sorted);
        return new MetricStatistics(metric, n, mean, sd, interval.Low, interval.High, Percentile(sorted, 0.95), sorted[0], sorted[^1])
        {
            IntervalMethod = interval.Method,
        };
    }

    /// <summary>Type-7 percentile of ascending <paramref name="sorted"/>: h = (n - 1) p, interpolate between floor(h) and floor(h) + 1.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((h - lower) * (sorted[upper] - sorted[lower]));
    }
}

/// <summary>Aggregates the runs of one design, metric by metric.</summary>
public static class RunAggregator
{
    public static IReadOnlyList<MetricStatistics> Aggregate(IReadOnlyList<RunSummary> runs)
    {
        return MetricCatalog.Of(runs).Select(m => MetricStatistics.Of(m.Name, runs.Select(m.Value))).ToList();
    }
}
