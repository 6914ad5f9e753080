namespace ProtocolLab.Reports.Data;

/// <summary>Histogram bins shared by every design's liquidation map, so the panels compare bar for bar.</summary>
/// <param name="Low">Left edge of the first bin.</param>
/// <param name="Width">Bin width (a 1, 2, 2.5 or 5 times a power of ten).</param>
/// <param name="Count">Number of bins; values past the last edge are counted in the last bin.</param>
public sealed record HistogramBins(double Low, double Width, int Count)
{
    public const int TargetBins = 30;

    public double Center(int bin) => Low + ((bin + 0.5) * Width);

    public double High => Low + (Count * Width);

    /// <summary>
    /// Bins over the liquidation prices and the marked prices; prices above <paramref name="cap"/>
    /// (deeply underwater leftovers) do not stretch the axis but land in the last bin.
    /// </summary>
    public static HistogramBins Cover(IEnumerable<double> values, IEnumerable<double> marks, double cap)
    {
        var all = values.Concat(marks).Where(double.IsFinite).Select(v => Math.Clamp(v, 0, cap)).ToList();
        if (all.Count == 0)
        {
            return new HistogramBins(0, 1, 1);
        }

        var min = all.Min();
        var max = all.Max();
        var width = NiceWidth((max - min) / TargetBins, max);
        var low = Math.Floor(min / width) * width;
        var count = Math.Max(1, (int)Math.Floor((max - low) / width) + 1);
        return new HistogramBins(low, width, count);
    }

    public int[] Tally(IEnumerable<double> values)
    {
        var counts = new int[Count];
        foreach (var v in values.Where(double.IsFinite))
        {
            counts[Math.Clamp((int)Math.Floor((v - Low) / Width), 0, Count - 1)]++;
        }

        return counts;
    }

    private static double NiceWidth(double raw, double scale)
    {
        if (!(raw > 0))
        {
            return Math.Max(Math.Abs(scale) / 100, 1e-9);
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var step in (double[])[1, 2, 2.5, 5, 10])
        {
            if (raw <= step * power)
            {
                return step * power;
            }
        }

        return 10 * power;
    }
}
