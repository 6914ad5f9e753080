using System.Text.Json;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Runs;
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
            // Each design after the first minus the first, paired by run (see PairedDifference).
            w.WriteStartObject("differences");
            foreach (var result in results.Skip(1))
            {
                w.WriteStartObject($"{result.Design.Name} - {results[0].Design.Name}");
                foreach (var d in PairedDifference.Of(result.Design.Name, result.Runs, results[0].Design.Name, results[0].Runs))
                {
                    w.WriteStartObject(d.Metric);
                    w.WriteNumber("n", d.Count);
                    w.WriteDouble("mean", d.Mean);
                    w.WriteDouble("ciLow", d.ConfidenceLow);
                    w.WriteDouble("ciHigh", d.ConfidenceHigh);
                    w.WriteString("ciMethod", d.IntervalMethod);
                    w.WriteBoolean("significant", d.Significant);
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
