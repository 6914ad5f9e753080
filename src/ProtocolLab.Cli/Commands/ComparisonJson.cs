using System.Text.Json;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Commands;

/// <summary>`--json`: the statistics per design and metric, machine-readable.</summary>
internal static class ComparisonJson
{
    public static void Write(TextWriter output, Scenario scenario, IReadOnlyList<DesignResult> results, string folder, string report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ResultFormat.Indented))
        {
            w.WriteStartObject();
            w.WriteString("scenario", scenario.Name);
            w.WriteString("scenarioHash", scenario.Hash);
            w.WriteNumber("seed", scenario.Seed);
            w.WriteNumber("runs", scenario.Runs);
            w.WriteString("results", folder);
            w.WriteString("report", report);
            w.WriteStartObject("designs");
            foreach (var result in results)
            {
                w.WriteStartObject(result.Design.Name);
                foreach (var s in result.Statistics)
                {
                    w.WriteStartObject(s.Metric);
                    w.WriteDouble("mean", s.Mean);
                    w.WriteDouble("ciLow", s.ConfidenceLow);
                    w.WriteDouble("ciHigh", s.ConfidenceHigh);
                    w.WriteDouble("p95", s.P95);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
