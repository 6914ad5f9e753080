using System.Globalization;
using System.Text.Json;

namespace ProtocolLab.Chain.Abi;

/// <summary>Reads canonical type strings and ABI JSON parameter objects into <see cref="AbiType"/>.</summary>
internal static class AbiTypeParser
{
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pos = 0;
        var type = ParseOne(text, ref pos, tupleComponents: null);
        if (pos != text.Length)
            throw Error(text, pos, "unexpected trailing characters");
        return type;
    }

    /// <summary>A JSON parameter: <c>{"name", "type", "components"?, "indexed"?}</c>; <c>tuple...</c> types read <c>components</c>.</summary>
    public static AbiType FromJson(JsonElement parameter)
    {
        if (parameter.ValueKind != JsonValueKind.Object)
            throw new FormatException($"an ABI parameter must be a JSON object, found {parameter.ValueKind}");
        if (!parameter.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new FormatException($"ABI parameter {parameter.GetRawText()} has no \"type\" string");
        var text = typeElement.GetString()!;
        AbiType? tuple = null;
        if (text.StartsWith("tuple", StringComparison.Ordinal))
            tuple = TupleFromComponents(parameter, text);
        var pos = 0;
        var type = ParseOne(text, ref pos, tuple);
        if (pos != text.Length)
            throw Error(text, pos, "unexpected trailing characters");
        return type;
    }

    private static AbiType TupleFromComponents(JsonElement parameter, string text)
    {
        if (!parameter.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
            throw new FormatException($"ABI parameter of type \"{text}\" has no \"components\" array");
        var types = new AbiType[components.GetArrayLength()];
        var names = new string[types.Length];
        var i = 0;
        foreach (var component in components.EnumerateArray())
        {
            types[i] = FromJson(component);
            names[i] = component.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            i++;
        }
        return AbiType.Tuple(types, names);
    }

    private static AbiType ParseOne(string text, ref int pos, AbiType? tupleComponents)
    {
        AbiType type;
        if (pos < text.Length && text[pos] == '(')
        {
            type = ParseTuple(text, ref pos);
        }
        else
        {
            var start = pos;
            while (pos < text.Length && char.IsAsciiLetterOrDigit(text[pos]))
                pos++;
            var word = text[start..pos];
            if (word == "tuple" && tupleComponents is not null)
                type = tupleComponents;
            else
                type = Elementary(text, start, word);
        }
        while (pos < text.Length && text[pos] == '[')
        {
            var close = text.IndexOf(']', pos);
            if (close < 0)
                throw Error(text, pos, "unclosed '['");
            var digits = text.AsSpan(pos + 1, close - pos - 1);
            if (digits.Length == 0)
            {
                type = AbiType.DynamicArray(type);
            }
            else
            {
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                    throw Error(text, pos, $"bad array length \"{digits}\"");
                type = AbiType.FixedArray(type, length);
            }
            pos = close + 1;
        }
        return type;
    }

    private static AbiType ParseTuple(string text, ref int pos)
    {
        pos++;
        var components = new List<AbiType>();
        if (pos < text.Length && text[pos] == ')')
        {
            pos++;
            return AbiType.Tuple(components, null);
        }
        while (true)
        {
            components.Add(ParseOne(text, ref pos, tupleComponents: null));
            if (pos >= text.Length)
                throw Error(text, pos, "unclosed '('");
            if (text[pos] == ')')
            {
                pos++;
                return AbiType.Tuple(components, null);
            }
            if (text[pos] != ',')
                throw Error(text, pos, $"expected ',' or ')', found '{text[pos]}'");
            pos++;
        }
    }

    private static AbiType Elementary(string text, int start, string word)
    {
        switch (word)
        {
            case "address":
                return AbiType.Address;
            case "bool":
                return AbiType.Bool;
            case "string":
                return AbiType.String;
            case "bytes":
                return AbiType.Bytes;
            case "uint":
                return AbiType.UInt(256);
            case "int":
                return AbiType.Int(256);
        }
        if (TrySuffix(word, "uint", out var bits) || TrySuffix(word, "int", out bits))
        {
            if (bits is < 8 or > 256 || bits % 8 != 0)
                throw Error(text, start, $"integer width must be a multiple of 8 in [8, 256], found {bits}");
            return word[0] == 'u' ? AbiType.UInt(bits) : AbiType.Int(bits);
        }
        if (TrySuffix(word, "bytes", out var length))
        {
            if (length is < 1 or > 32)
                throw Error(text, start, $"bytes<N> needs 1 <= N <= 32, found {length}");
            return AbiType.FixedBytes(length);
        }
        throw Error(text, start, word.Length == 0 ? "expected a type name" : $"unsupported type \"{word}\"");
    }

    private static bool TrySuffix(string word, string prefix, out int number)
    {
        number = 0;
        return word.Length > prefix.Length
            && word.StartsWith(prefix, StringComparison.Ordinal)
            && word[prefix.Length] != '0'
            && int.TryParse(word.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static FormatException Error(string text, int pos, string problem) =>
        new($"cannot parse ABI type \"{text}\" at position {pos}: {problem}");
}
