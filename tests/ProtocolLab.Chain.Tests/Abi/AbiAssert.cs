using System.Collections;
using System.Numerics;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Tests.Abi;

/// <summary>Helpers for ABI tests: hex literals and structural equality of decoded values.</summary>
internal static class AbiAssert
{
    /// <summary>Hex split over lines or words for readability; whitespace is ignored.</summary>
    public static byte[] HexBytes(string text) => HexConvert.FromHex(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    public static string ToHex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Compares values as the codec maps them: integers numerically, lists and tuples element-wise.</summary>
    public static void DeepEqual(object? expected, object? actual, string path = "value")
    {
        if (DeepEquals(expected, actual, path, out var difference))
            return;
        Assert.Fail(difference);
    }

    public static bool DeepEquals(object? expected, object? actual, string path, out string difference)
    {
        difference = "";
        switch (expected)
        {
            case null:
                return actual is null || Fail(out difference, $"{path}: expected null, found {actual}");
            case byte[] bytes:
                return actual is byte[] other && bytes.AsSpan().SequenceEqual(other)
                    || Fail(out difference, $"{path}: expected bytes {Convert.ToHexStringLower(bytes)}, found {Describe(actual)}");
            case IList list:
                if (actual is not IList actualList)
                    return Fail(out difference, $"{path}: expected a list, found {Describe(actual)}");
                if (list.Count != actualList.Count)
                    return Fail(out difference, $"{path}: expected {list.Count} elements, found {actualList.Count}");
                for (var i = 0; i < list.Count; i++)
                {
                    if (!DeepEquals(list[i], actualList[i], $"{path}[{i}]", out difference))
                        return false;
                }
                return true;
            case int or long or uint or ulong or short or ushort or byte or sbyte or BigInteger:
                var number = ToBig(expected);
                return actual is BigInteger b && b == number || Fail(out difference, $"{path}: expected {number}, found {Describe(actual)}");
            default:
                return Equals(expected, actual) || Fail(out difference, $"{path}: expected {expected}, found {Describe(actual)}");
        }
    }

    private static BigInteger ToBig(object value) => value switch
    {
        BigInteger b => b,
        ulong u => u,
        uint u => u,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Describe(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";

    private static bool Fail(out string difference, string message)
    {
        difference = message;
        return false;
    }
}
