using System.Text.Json;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Results;

/// <summary>
/// A protocol's own run metrics (options: hedging and vault shortfall) next to summary.json, e.g.
/// options-summary.json: each run's values, then their statistics over the runs.
/// </summary>
internal static class ProtocolSummaryJsonWriter
{
    /// <summary>Statistics per metric over the runs, in the first run's order; empty when the protocol has none.</summary>
    public static IReadOnlyList<MetricStatistics> Statistics(IReadOnlyList<IReadOnlyList<(string Metric, double? Value)>> runs) =>
        runs.Count == 0
            ? []
            : runs[0].Select((m, i) => MetricStatistics.Of(m.Metric, runs.Select(r => r[i].Value))).ToList();

    public static void Write(string path, IReadOnlyList<IReadOnlyList<(string Metric, double? Value)>> runs, IReadOnlyList<MetricStatistics> statistics)
    {
        using var stream = File.Create(path);
        // The results files' one format: "R" doubles, null where undefined (NaN would throw), LF.
        using var json = new Utf8JsonWriter(stream, ResultFormat.Indented);
        json.WriteStartObject();
        json.WriteStartArray("runs");
        foreach (var run in runs)
        {
            json.WriteStartObject();
            foreach (var (metric, value) in run)
                json.WriteDouble(metric, value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("statistics");
        foreach (var s in statistics)
        {
            json.WriteStartObject(s.Metric);
            json.WriteDouble("mean", s.Mean);
            json.WriteDouble("ciLow", s.ConfidenceLow);
            json.WriteDouble("ciHigh", s.ConfidenceHigh);
            json.WriteDouble("min", s.Min);
            json.WriteDouble("max", s.Max);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
