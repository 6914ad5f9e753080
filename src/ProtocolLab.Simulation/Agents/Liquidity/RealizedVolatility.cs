namespace ProtocolLab.Simulation.Agents.Liquidity;

/// <summary>Annualised realised volatility of a price series, as a liquidity provider measures it over a window of blocks.</summary>
public static class RealizedVolatility
{
    public const double SecondsPerYear = 365.0 * 24 * 3600;

    /// <summary>
    /// sqrt(mean of squared log returns over the last <paramref name="windowBlocks"/> returns) x
    /// sqrt(seconds per year / <paramref name="blockTimeSeconds"/>), over <paramref name="prices"/>[..<paramref name="end"/>]
    /// (one price per block, oldest first; the price at <paramref name="end"/> - 1 is the latest seen).
    /// </summary>
    /// <remarks>
    /// Returns are not de-meaned: a window holding one crash reads as volatile, as a realised-variance
    /// estimate does, rather than as a drift. Returns before the series starts count as 0, a calm market
    /// before the run, so a provider can react from the first block instead of waiting for a full window.
    /// Non-positive or non-finite prices give no return.
    /// </remarks>
    public static double Annualised(IReadOnlyList<double> prices, int end, int windowBlocks, double blockTimeSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowBlocks, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockTimeSeconds);
        end = Math.Min(end, prices.Count);
        var sum = 0.0;
        for (var i = Math.Max(1, end - windowBlocks); i < end; i++)
        {
            var (previous, current) = (prices[i - 1], prices[i]);
            if (previous > 0 && current > 0 && double.IsFinite(previous) && double.IsFinite(current))
            {
                var r = Math.Log(current / previous);
                sum += r * r;
            }
        }
        return Math.Sqrt(sum / windowBlocks * SecondsPerYear / blockTimeSeconds);
    }
}
