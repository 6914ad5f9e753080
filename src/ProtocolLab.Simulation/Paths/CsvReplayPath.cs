namespace ProtocolLab.Simulation.Paths;

/// <summary>
/// Replays a (timestamp, price) series at block times. Block b sits at
/// t = firstTimestamp + b x blockTime; its price is the CSV price linearly interpolated at t
/// (held at the last row after the end), rescaled so that block 0 equals the scenario's
/// initial price: price[b] = initialPrice x csv(t) / csv(firstTimestamp). The shape of a
/// historical day can so be replayed on any market.
/// </summary>
public static class CsvReplayPath
{
    public static SampledPricePath Generate(CsvPriceSeries series, double initialPrice, int blocks, int blockTimeSeconds)
    {
        if (series.Timestamps.Count == 0)
        {
            throw new ArgumentException("The series is empty.", nameof(series));
        }

        var scale = initialPrice / series.Prices[0];
        var prices = new double[blocks + 1];
        var row = 0;
        for (var b = 0; b <= blocks; b++)
        {
            var t = series.Timestamps[0] + ((long)b * blockTimeSeconds);
            while (row + 1 < series.Timestamps.Count && series.Timestamps[row + 1] <= t)
            {
                row++;
            }

            prices[b] = scale * Interpolate(series, row, t);
        }

        return new SampledPricePath(prices);
    }

    private static double Interpolate(CsvPriceSeries series, int row, long t)
    {
        if (row + 1 >= series.Timestamps.Count || series.Timestamps[row] == t)
        {
            return series.Prices[row];
        }

        var (t0, t1) = (series.Timestamps[row], series.Timestamps[row + 1]);
        var weight = (double)(t - t0) / (t1 - t0);
        return series.Prices[row] + (weight * (series.Prices[row + 1] - series.Prices[row]));
    }
}
