namespace ProtocolLab.Simulation.Metrics;

/// <summary>
/// Drawdown from the running peak: at block t, 1 - p[t] / max(p[0..t]). The maximum drawdown
/// of a series is the largest such value (0 for a series that never falls; 0.3 for a 30% crash).
/// Measuring from the running peak rather than from p[0] counts a rally-then-crash fully.
/// Non-finite or non-positive prices (e.g. an oracle not yet pushed) are skipped.
/// </summary>
public static class Drawdown
{
    public static double Max(IEnumerable<double> prices)
    {
        var peak = double.NaN;
        var worst = 0.0;
        foreach (var price in prices)
        {
            if (!double.IsFinite(price) || price <= 0)
            {
                continue;
            }

            if (double.IsNaN(peak) || price > peak)
            {
                peak = price;
            }

            worst = Math.Max(worst, 1 - (price / peak));
        }

        return worst;
    }

    /// <summary>
    /// max oracle drawdown / max fundamental drawdown. When the fundamental price never fell:
    /// 1 if the oracle did not fall either (nothing was amplified), null (undefined) if it did.
    /// </summary>
    public static double? AmplificationRatio(double maxOracleDrawdown, double maxFundamentalDrawdown)
    {
        if (maxFundamentalDrawdown > 0)
        {
            return maxOracleDrawdown / maxFundamentalDrawdown;
        }

        return maxOracleDrawdown > 0 ? null : 1.0;
    }

    /// <summary>The shock block: the first block whose fundamental price is below block 0's; 0 if none is.</summary>
    public static int ShockBlock(IReadOnlyList<BlockMetrics> blocks)
    {
        if (blocks.Count == 0)
        {
            return 0;
        }

        var initial = blocks[0].FundamentalPrice;
        return blocks.FirstOrDefault(b => b.FundamentalPrice < initial)?.Block ?? 0;
    }
}
