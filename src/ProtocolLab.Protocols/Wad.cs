using System.Globalization;
using System.Numerics;

namespace ProtocolLab.Protocols;

/// <summary>18-decimal fixed point, the contracts' unit for ratios.</summary>
public static class Wad
{
    public static readonly BigInteger One = BigInteger.Pow(10, 18);

    /// <summary>A fraction to WAD through its shortest decimal text, so 0.8 is exactly 8e17 on every platform.</summary>
    public static BigInteger Of(double fraction)
    {
        if (!double.IsFinite(fraction))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a ratio must be finite");
        return BigInteger.Parse(decimal.Round((decimal)fraction * 1_000_000_000_000_000_000m, 0).ToString("0", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static double ToDouble(BigInteger wad) => (double)wad / 1e18;
}
