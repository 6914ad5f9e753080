using System.Globalization;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Commands;

/// <summary>
/// The side-by-side table: one row per metric, one column per design (with several runs, mean and
/// 95% CI), then one column per design after the first: its paired difference from the first.
/// </summary>
internal static class ComparisonTable
{
    public static void Write(TextWriter output, Scenario scenario, IReadOnlyList<DesignResult> results)
    {
        var runs = scenario.Runs;
        output.WriteLine($"{scenario.Name}: {runs} run{(runs == 1 ? "" : "s")} x {scenario.Blocks} blocks, seed {scenario.Seed}");
        var header = new List<string> { "metric" };
        header.AddRange(results.Select(r => r.Design.Name));
        var baseline = results.Count > 0 ? results[0] : null;
        var differences = results.Skip(1)
            .Select(r => PairedDifference.Of(r.Design.Name, r.Runs, baseline!.Design.Name, baseline.Runs).ToDictionary(d => d.Metric))
            .ToList();
        header.AddRange(results.Skip(1).Select(r => $"{r.Design.Name} - {baseline!.Design.Name}"));
        var rows = new List<List<string>> { header };
        // The metrics any design's runs have, in catalog order: every common one, then the protocol's and
        // the designs' own (a circuit breaker's); a design without the metric shows n/a, and so does a
        // difference where either side lacks it.
        var measured = results.SelectMany(r => r.Statistics.Select(s => s.Metric)).ToHashSet();
        var names = MetricCatalog.Names.Where(measured.Contains);
        foreach (var name in names)
        {
            var row = new List<string> { name };
            foreach (var result in results)
            {
                var stats = result.Statistics.FirstOrDefault(s => s.Metric == name);
                row.Add(stats is null ? "n/a" : Format(stats, runs));
            }
            foreach (var byMetric in differences)
                row.Add(byMetric.TryGetValue(name, out var d) ? FormatDifference(d, runs) : "n/a");
            rows.Add(row);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (index == 0)
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        if (baseline is not null && results.Count > 1)
        {
            output.WriteLine(runs == 1
                ? $"differences: each design minus {baseline.Design.Name}; one run gives no interval (more runs: runs: or --seeds N)"
                : $"differences: each design minus {baseline.Design.Name}, paired by run, mean [95% interval]; * = the interval excludes 0 (Student t; percentile bootstrap for zero-heavy metrics)");
        }
    }

    private static string FormatDifference(PairedDifference d, int runs)
    {
        if (d.Count == 0)
            return "n/a";
        var mean = Signed(d.Mean);
        if (runs == 1)
            return mean;
        return $"{mean} [{Signed(d.ConfidenceLow)}, {Signed(d.ConfidenceHigh)}]{(d.Significant ? " *" : "")}";
    }

    private static string Signed(double value) => value > 0 ? "+" + Number(value) : Number(value);

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
