namespace ProtocolLab.Simulation.Metrics;

/// <summary>The metrics of <see cref="MetricCatalog"/> by name, and a run's values in that order.</summary>
public static class SummaryMetrics
{
    public static IReadOnlyList<string> Names => MetricCatalog.Names;

    /// <summary>The values in <see cref="Names"/> order; null where a metric is undefined for the run or not measured by its protocol.</summary>
    public static IReadOnlyList<double?> Values(RunSummary s) => MetricCatalog.All.Select(m => m.Value(s)).ToList();
}
