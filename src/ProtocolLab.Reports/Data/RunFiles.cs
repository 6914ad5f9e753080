using System.Globalization;
using System.Text.Json;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Reports.Data;

/// <summary>
/// Reads back what the simulation wrote for one run (docs/results-schema.md): blocks.jsonl and the
/// positions snapshots. Missing files read as empty, so a report of an interrupted run still renders.
/// </summary>
public static class RunFiles
{
    public static string RunDirectory(string designDirectory, int run) =>
        Path.Combine(designDirectory, $"run-{run.ToString("D3", CultureInfo.InvariantCulture)}");

    public static IReadOnlyList<BlockMetrics> ReadBlocks(string runDirectory)
    {
        var path = Path.Combine(runDirectory, "blocks.jsonl");
        if (!File.Exists(path))
        {
            return [];
        }

        var blocks = new List<BlockMetrics>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var o = json.RootElement;
            blocks.Add(new BlockMetrics(
                Block: o.GetProperty("block").GetInt32(),
                Timestamp: o.GetProperty("timestamp").GetInt64(),
                FundamentalPrice: Number(o, "fundamentalPrice"),
                PairPrice: Number(o, "pairPrice"),
                OraclePrice: Number(o, "oraclePrice"),
                Liquidations: (int)Number(o, "liquidations"),
                CollateralSeized: Number(o, "collateralSeized"),
                DebtRepaid: Number(o, "debtRepaid"),
                BadDebt: Number(o, "badDebt"),
                InsuranceDrawn: Number(o, "insuranceDrawn"),
                PositionsUnderwater: (int)Number(o, "positionsUnderwater"),
                FailedLiquidations: (int)Number(o, "failedLiquidations"),
                GasUsed: (long)Number(o, "gasUsed"),
                BadDebtCollateralShortfall: o.TryGetProperty("badDebtCollateralShortfall", out _) ? Number(o, "badDebtCollateralShortfall") : 0));
        }

        return blocks;
    }

    /// <summary>Reads positions-start.csv or positions-end.csv (<paramref name="when"/> = "start" or "end").</summary>
    public static IReadOnlyList<PositionRecord> ReadPositions(string runDirectory, string when)
    {
        var path = Path.Combine(runDirectory, $"positions-{when}.csv");
        if (!File.Exists(path))
        {
            return [];
        }

        var positions = new List<PositionRecord>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length < 5)
            {
                continue;
            }

            positions.Add(new PositionRecord(cells[0], Cell(cells[1]), Cell(cells[2]), Cell(cells[3]), Cell(cells[4])));
        }

        return positions;
    }

    private static double Number(JsonElement o, string name) =>
        o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    private static double Cell(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
