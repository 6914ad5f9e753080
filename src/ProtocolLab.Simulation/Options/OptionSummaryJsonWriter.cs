using System.Text.Json;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.Options;

/// <summary>options-summary.json: each run's option metrics and their statistics over the runs.</summary>
public static class OptionSummaryJsonWriter
{
    public static void Write(string path, IReadOnlyList<OptionRunSummary> runs, IReadOnlyList<MetricStatistics> statistics)
    {
        using var stream = File.Create(path);
        // The results files' one format: "R" doubles, null where undefined (NaN would throw), LF.
        using var json = new Utf8JsonWriter(stream, ResultFormat.Indented);
        json.WriteStartObject();
        json.WriteStartArray("runs");
        foreach (var run in runs)
        {
            json.WriteStartObject();
            for (var i = 0; i < OptionRunSummary.Names.Count; i++)
                json.WriteDouble(OptionRunSummary.Names[i], run.Values[i]);
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
