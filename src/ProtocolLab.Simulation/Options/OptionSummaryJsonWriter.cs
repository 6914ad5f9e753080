using System.Text.Json;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Options;

/// <summary>options-summary.json: each run's option metrics and their statistics over the runs.</summary>
public static class OptionSummaryJsonWriter
{
    public static void Write(string path, IReadOnlyList<OptionRunSummary> runs, IReadOnlyList<MetricStatistics> statistics)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("runs");
        foreach (var run in runs)
        {
            json.WriteStartObject();
            for (var i = 0; i < OptionRunSummary.Names.Count; i++)
                json.WriteNumber(OptionRunSummary.Names[i], run.Values[i] ?? 0);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("statistics");
        foreach (var s in statistics)
        {
            json.WriteStartObject(s.Metric);
            json.WriteNumber("mean", s.Mean);
            json.WriteNumber("ciLow", s.ConfidenceLow);
            json.WriteNumber("ciHigh", s.ConfidenceHigh);
            json.WriteNumber("min", s.Min);
            json.WriteNumber("max", s.Max);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
