namespace ProtocolLab.Chain.Hex;

/// <summary>Lower-case, 0x-prefixed hex as Ethereum JSON-RPC speaks it.</summary>
public static class HexConvert
{
    public static string ToHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>Parses hex with or without a 0x prefix; an odd length gets a leading zero nibble.</summary>
    public static byte[] FromHex(ReadOnlySpan<char> hex)
    {
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            hex = hex[2..];
        if (hex.Length % 2 == 1)
            return Convert.FromHexString("0" + hex.ToString());
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"expected hex digits, found \"{Truncate(hex)}\"");
        }
    }

    /// <summary>A JSON-RPC quantity (0x-prefixed, no leading zeros).</summary>
    public static string ToQuantity(ulong value) => "0x" + value.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    public static string ToQuantity(System.Numerics.BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), "a JSON-RPC quantity cannot be negative");
        if (value.IsZero)
            return "0x0";
        var digits = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
        return "0x" + digits;
    }

    public static ulong ParseQuantityUInt64(ReadOnlySpan<char> hex)
    {
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            hex = hex[2..];
        if (hex.Length == 0)
            return 0;
        return ulong.Parse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static System.Numerics.BigInteger ParseQuantity(ReadOnlySpan<char> hex)
    {
        var bytes = FromHex(hex);
        return new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static string Truncate(ReadOnlySpan<char> s) => s.Length <= 24 ? s.ToString() : s[..24].ToString() + "...";
}
