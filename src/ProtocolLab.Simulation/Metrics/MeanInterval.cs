using ProtocolLab.Simulation.Randomness;

namespace ProtocolLab.Simulation.Metrics;

/// <summary>
/// The 95% confidence interval of a mean over runs: Student t (mean +/- t(0.975, n-1) x sd / sqrt(n)),
/// with two corrections for metrics that cannot be negative (counts, volumes, bad debt):
/// - zero-heavy samples (at least <see cref="ZeroShare"/> of the values are 0) of at least
///   <see cref="MinBootstrapRuns"/> runs get a percentile bootstrap of the mean, which follows the
///   skew a t-interval ignores. <see cref="Resamples"/> resamples are drawn from a stream named
///   after the metric, so the interval is the same on every replay;
/// - otherwise, when every value is non-negative, the t-interval is cut at 0: a mean of
///   non-negative values cannot be negative, and cutting never loses coverage. A t-interval on
///   cascade durations of 0, 0, 0, 9 no longer reads [-4.9, 11.4].
/// Below <see cref="MinBootstrapRuns"/> runs a percentile bootstrap is too narrow to trust, hence t.
/// </summary>
public readonly record struct MeanInterval(double Low, double High, string Method)
{
    public const string StudentT = "t";
    public const string Bootstrap = "bootstrap";
    public const double ZeroShare = 0.2;
    public const int Resamples = 4000;
    public const int MinBootstrapRuns = 10;

    public static MeanInterval Of(string metric, IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n == 0)
            return new(double.NaN, double.NaN, StudentT);
        var mean = values.Average();
        if (n == 1)
            return new(mean, mean, StudentT);
        var sd = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var halfWidth = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        var zeros = values.Count(v => v == 0);
        if (sd > 0 && n >= MinBootstrapRuns && zeros >= ZeroShare * n)
            return BootstrapOf(metric, values);
        var low = mean - halfWidth;
        if (values.All(v => v >= 0))
            low = Math.Max(0, low);
        return new(low, mean + halfWidth, StudentT);
    }

    private static MeanInterval BootstrapOf(string metric, IReadOnlyList<double> values)
    {
        var random = SeededRandom.ForStream(0, 0, "bootstrap/" + metric);
        var n = values.Count;
        var means = new double[Resamples];
        for (var b = 0; b < Resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
                sum += values[(int)(random.NextDouble() * n)];
            means[b] = sum / n;
        }
        Array.Sort(means);
        return new(MetricStatistics.Percentile(means, 0.025), MetricStatistics.Percentile(means, 0.975), Bootstrap);
    }
}
