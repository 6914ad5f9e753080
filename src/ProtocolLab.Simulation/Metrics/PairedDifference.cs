namespace ProtocolLab.Simulation.Metrics;

/// <summary>
/// One metric's difference between a design and the baseline (the first design compared), run by
/// run: runs of the same index share the seed, the population and the price path, so the pairing
/// removes what they have in common. Mean and 95% interval of the per-run differences
/// (<see cref="MeanInterval"/>); <see cref="Significant"/> when at least two runs were paired and
/// the interval excludes 0.
/// </summary>
public sealed record PairedDifference(
    string Metric,
    string Design,
    string Baseline,
    int Count,
    double Mean,
    double ConfidenceLow,
    double ConfidenceHigh,
    string IntervalMethod)
{
    public bool Significant => Count >= 2 && (ConfidenceLow > 0 || ConfidenceHigh < 0);

    /// <summary>Differences of every metric of <paramref name="design"/> against <paramref name="baseline"/>, in metric order.</summary>
    public static IReadOnlyList<PairedDifference> Of(string design, IReadOnlyList<RunSummary> runs, string baseline, IReadOnlyList<RunSummary> baselineRuns)
    {
        var pairs = Math.Min(runs.Count, baselineRuns.Count);
        return MetricCatalog.Of([.. runs, .. baselineRuns]).Select(metric =>
        {
            var name = metric.Name;
            var differences = Enumerable.Range(0, pairs)
                .Where(r => metric.Value(runs[r]) is { } a && metric.Value(baselineRuns[r]) is { } b && double.IsFinite(a) && double.IsFinite(b))
                .Select(r => metric.Value(runs[r])!.Value - metric.Value(baselineRuns[r])!.Value)
                .ToList();
            var interval = MeanInterval.Of($"{name}/{design}-{baseline}", differences);
            var mean = differences.Count > 0 ? differences.Average() : double.NaN;
            return new PairedDifference(name, design, baseline, differences.Count, mean, interval.Low, interval.High, interval.Method);
        }).ToList();
    }
}
