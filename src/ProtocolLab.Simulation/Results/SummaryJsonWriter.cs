using System.Text.Json;
using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Results;

/// <summary>Identifies what a summary is about: enough to reproduce it.</summary>
public sealed record SummaryHeader(string Scenario, string ScenarioHash, ulong Seed, string Design);

/// <summary>
/// Writes summary.json for one design: the header, every run's summary (in run order) and the
/// aggregate statistics over runs. Indented with two spaces, LF line ends, fixed property
/// order; see docs/results-schema.md.
/// </summary>
public static class SummaryJsonWriter
{
    public const int SchemaVersion = 1;

    /// <param name="warnings">Degenerate-world findings; a "warnings" array is written only when there are some.</param>
    public static void Write(Stream stream, SummaryHeader header, IReadOnlyList<RunSummary> runs, IReadOnlyList<string>? warnings = null)
    {
        using var writer = new Utf8JsonWriter(stream, ResultFormat.Indented);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteString("scenario", header.Scenario);
        writer.WriteString("scenarioHash", header.ScenarioHash);
        writer.WriteString("seed", header.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("design", header.Design);
        writer.WriteStartArray("runs");
        for (var i = 0; i < runs.Count; i++)
        {
            WriteRun(writer, i, runs[i]);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("aggregate");
        foreach (var statistics in RunAggregator.Aggregate(runs))
        {
            WriteStatistics(writer, statistics);
        }

        writer.WriteEndObject();
        if (warnings is { Count: > 0 })
        {
            writer.WriteStartArray("warnings");
            foreach (var warning in warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    public static void Write(string path, SummaryHeader header, IReadOnlyList<RunSummary> runs, IReadOnlyList<string>? warnings = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        Write(stream, header, runs, warnings);
    }

    private static void WriteRun(Utf8JsonWriter writer, int run, RunSummary s)
    {
        writer.WriteStartObject();
        writer.WriteNumber("run", run);
        writer.WriteNumber("shockBlock", s.ShockBlock);
        writer.WriteNumber("liquidationCount", s.LiquidationCount);
        writer.WriteDouble("collateralSeized", s.CollateralSeized);
        writer.WriteDouble("liquidationVolume", s.LiquidationVolume);
        writer.WriteNumber("cascadeRounds", s.CascadeRounds);
        writer.WriteNumber("cascadeDurationBlocks", s.CascadeDurationBlocks);
        writer.WriteInteger("firstLiquidationBlock", s.FirstLiquidationBlock);
        writer.WriteInteger("lastLiquidationBlock", s.LastLiquidationBlock);
        writer.WriteDouble("peakLiquidationVolumePerBlock", s.PeakLiquidationVolumePerBlock);
        writer.WriteDouble("badDebt", s.BadDebt);
        writer.WriteDouble("badDebtPercentOfInitialDebt", s.BadDebtPercentOfInitialDebt);
        writer.WriteDouble("badDebtCollateralShortfall", s.BadDebtCollateralShortfall);
        writer.WriteDouble("badDebtBonusPaid", s.BadDebtBonusPaid);
        writer.WriteDouble("insuranceDrawn", s.InsuranceDrawn);
        writer.WriteDouble("liquidatorPnl", s.LiquidatorPnl);
        writer.WriteDouble("maxFundamentalDrawdown", s.MaxFundamentalDrawdown);
        writer.WriteDouble("maxOracleDrawdown", s.MaxOracleDrawdown);
        writer.WriteDouble("amplificationRatio", s.AmplificationRatio);
        writer.WriteDouble("maxOracleGap", s.MaxOracleGap);
        writer.WriteDouble("peakLiquidatableDebtPercent", s.PeakLiquidatableDebtPercent);
        writer.WriteNumber("failedLiquidations", s.FailedLiquidations);
        writer.WriteNumber("gasUsed", s.GasUsed);
        // Then what the protocol and the run measured themselves, in catalog order (the fixed fields above are never among them).
        foreach (var metric in MetricCatalog.All)
        {
            if (s.Measured.TryGetValue(metric.Name, out var value))
                writer.WriteDouble(metric.Name, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteStatistics(Utf8JsonWriter writer, MetricStatistics m)
    {
        writer.WriteStartObject(m.Metric);
        writer.WriteNumber("n", m.Count);
        writer.WriteDouble("mean", m.Mean);
        writer.WriteDouble("stdev", m.StandardDeviation);
        writer.WriteDouble("ci95Low", m.ConfidenceLow);
        writer.WriteDouble("ci95High", m.ConfidenceHigh);
        writer.WriteString("ci95Method", m.IntervalMethod);
        writer.WriteDouble("p95", m.P95);
        writer.WriteDouble("min", m.Min);
        writer.WriteDouble("max", m.Max);
        writer.WriteEndObject();
    }
}
