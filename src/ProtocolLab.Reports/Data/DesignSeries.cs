using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Runs;

namespace ProtocolLab.Reports.Data;

/// <summary>Lowest and highest oracle price per block over all runs of a design: the spread the runs' randomness gives.</summary>
public sealed record OracleBand(IReadOnlyList<int> Block, IReadOnlyList<double> Low, IReadOnlyList<double> High);

/// <summary>
/// What the report plots for one design: run-000's blocks and liquidation prices (start and end
/// snapshots; closed positions have none), and, when the design has several runs, the oracle band.
/// </summary>
public sealed record DesignSeries(
    string Name,
    int Runs,
    IReadOnlyList<BlockMetrics> Blocks,
    OracleBand? Band,
    IReadOnlyList<double> StartLiquidationPrices,
    IReadOnlyList<double> EndLiquidationPrices)
{
    /// <summary>Runs read for the band at most: enough for its shape, bounded for a 10,000-run scenario.</summary>
    public const int MaxBandRuns = 200;

    public static DesignSeries Load(DesignResult result)
    {
        var first = RunFiles.RunDirectory(result.Directory, 0);
        var runs = result.Runs.Count;
        return new DesignSeries(
            result.Design.Name,
            runs,
            RunFiles.ReadBlocks(first),
            runs > 1 ? ReadBand(result.Directory, Math.Min(runs, MaxBandRuns)) : null,
            LiquidationPrices(first, "start"),
            LiquidationPrices(first, "end"));
    }

    private static List<double> LiquidationPrices(string runDirectory, string when) =>
        [.. RunFiles.ReadPositions(runDirectory, when)
            .Select(p => p.LiquidationPrice)
            .Where(p => p is { } x && double.IsFinite(x))
            .Select(p => p!.Value)];

    private static OracleBand? ReadBand(string designDirectory, int runs)
    {
        var low = new SortedDictionary<int, double>();
        var high = new SortedDictionary<int, double>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var block in RunFiles.ReadBlocks(RunFiles.RunDirectory(designDirectory, run)))
            {
                if (!double.IsFinite(block.OraclePrice))
                {
                    continue;
                }

                low[block.Block] = low.TryGetValue(block.Block, out var l) ? Math.Min(l, block.OraclePrice) : block.OraclePrice;
                high[block.Block] = high.TryGetValue(block.Block, out var h) ? Math.Max(h, block.OraclePrice) : block.OraclePrice;
            }
        }

        return low.Count == 0 ? null : new OracleBand([.. low.Keys], [.. low.Values], [.. high.Values]);
    }
}
