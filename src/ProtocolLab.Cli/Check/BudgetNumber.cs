using System.Globalization;

namespace ProtocolLab.Cli.Check;

/// <summary>Numbers in check output: three decimals, unless that would hide why a value failed its limit.</summary>
internal static class BudgetNumber
{
    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> as compared against <paramref name="limit"/>: when rounding makes
    /// them print the same though they differ (15.0004 &gt; 15), the exact value is shown.
    /// </summary>
    public static string Format(double value, double limit)
    {
        var text = Format(value);
        return text == Format(limit) && value != limit ? value.ToString("R", CultureInfo.InvariantCulture) : text;
    }
}
