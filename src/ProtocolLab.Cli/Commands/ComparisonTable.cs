using System.Globalization;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Commands;

/// <summary>The side-by-side table: one row per metric, one column per design; with several runs, mean and 95% CI.</summary>
internal static class ComparisonTable
{
    public static void Write(TextWriter output, Scenario scenario, IReadOnlyList<DesignResult> results)
    {
        var runs = scenario.Runs;
        output.WriteLine($"{scenario.Name}: {runs} run{(runs == 1 ? "" : "s")} x {scenario.Blocks} blocks, seed {scenario.Seed}");
        var header = new List<string> { "metric" };
        header.AddRange(results.Select(r => r.Design.Name));
        var rows = new List<List<string>> { header };
        // Scenario-specific metrics (an options run's) follow the common ones; a lending run has none.
        var extra = results.Count == 0 ? [] : results[0].Statistics.Select(s => s.Metric).Except(SummaryMetrics.Names);
        foreach (var name in SummaryMetrics.Names.Concat(extra))
        {
            var row = new List<string> { name };
            foreach (var result in results)
            {
                var stats = result.Statistics.First(s => s.Metric == name);
                row.Add(Format(stats, runs));
            }
            rows.Add(row);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))));
            if (index == 0)
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
    }

    private static string Format(MetricStatistics stats, int runs)
    {
        if (stats.Count == 0)
            return "n/a";
        if (runs == 1)
            return Number(stats.Mean);
        return $"{Number(stats.Mean)} [{Number(stats.ConfidenceLow)}, {Number(stats.ConfidenceHigh)}]";
    }

    private static string Number(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}
