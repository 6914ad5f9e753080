using System.Collections;
using System.Numerics;
using System.Text;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>Human-readable rendering of decoded values for ToString and messages.</summary>
internal static class AbiValueFormatter
{
    public static string Format(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary><c>name=value, ...</c> for a parameter list.</summary>
    public static void AppendArguments(StringBuilder sb, IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
                sb.Append(", ");
            if (i < parameters.Count && parameters[i].Name.Length > 0)
                sb.Append(parameters[i].Name).Append('=');
            Append(sb, values[i]);
        }
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case BigInteger big:
                sb.Append(AbiIntegers.Format(big));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case string s:
                sb.Append('"').Append(s).Append('"');
                break;
            case byte[] bytes:
                sb.Append(HexConvert.ToHex(bytes));
                break;
            case Address address:
                sb.Append(address.ToString());
                break;
            case IList list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    Append(sb, list[i]);
                }
                sb.Append(']');
                break;
            default:
                sb.Append(value);
                break;
        }
    }
}
