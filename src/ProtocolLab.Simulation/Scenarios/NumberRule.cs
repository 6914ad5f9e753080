using System.Globalization;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>The allowed range of a numeric field, and how to say so in an error message.</summary>
internal sealed record NumberRule(double Min, double Max, bool MinExclusive = false, bool MaxExclusive = false, bool Whole = false)
{
    public static NumberRule Positive { get; } = new(0, double.PositiveInfinity, MinExclusive: true);

    public static NumberRule NonNegative { get; } = new(0, double.PositiveInfinity);

    /// <summary>
    /// Whole tokens: at most 10^15, so base units (10^18) times the market's WAD (10^18) and price (10^8)
    /// scales stay far inside uint256.
    /// </summary>
    public static NumberRule TokenAmount { get; } = new(0, 1e15);

    public static NumberRule PositiveTokenAmount { get; } = new(0, 1e15, MinExclusive: true);

    public static NumberRule Fraction { get; } = new(0, 1);

    public static NumberRule OpenFraction { get; } = new(0, 1, MinExclusive: true, MaxExclusive: true);

    public static NumberRule WholeBetween(long min, long max) => new(min, max, Whole: true);

    public static NumberRule Between(double min, double max) => new(min, max);

    public bool Accepts(double value) =>
        !double.IsNaN(value)
        && (MinExclusive ? value > Min : value >= Min)
        && (MaxExclusive ? value < Max : value <= Max)
        && (!Whole || Math.Floor(value) == value);

    public string Describe()
    {
        var kind = Whole ? "a whole number" : "a number";
        var hasMax = !double.IsPositiveInfinity(Max);
        var hasMin = !double.IsNegativeInfinity(Min);
        if (hasMin && hasMax && !MinExclusive && !MaxExclusive)
        {
            return $"{kind} from {Format(Min)} to {Format(Max)}";
        }

        var lower = !hasMin ? null : MinExclusive ? $"greater than {Format(Min)}" : $"at least {Format(Min)}";
        var upper = !hasMax ? null : MaxExclusive ? $"less than {Format(Max)}" : $"at most {Format(Max)}";
        return (lower, upper) switch
        {
            (null, null) => kind,
            (not null, null) => $"{kind} {lower}",
            (null, not null) => $"{kind} {upper}",
            _ => $"{kind} {lower} and {upper}",
        };
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
