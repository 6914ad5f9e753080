using System.Text;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>
/// Strict standard ABI decoding: every offset and length is bounds-checked, and padding must be clean
/// (zero or sign extension), as solc's own decoder demands. Trailing bytes after the encoding are ignored.
/// Value mapping: see <see cref="AbiType"/>.
/// </summary>
public static class AbiDecoder
{
    private const int MaxZeroSizeElements = 1 << 16;

    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) => Decode(types, null, data);

    /// <summary>Like <see cref="Decode(IReadOnlyList{AbiType}, ReadOnlySpan{byte})"/>; errors use the parameter names.</summary>
    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data) =>
        Decode(AbiParameter.TypesOf(parameters), AbiParameter.NamesOf(parameters), data);

    internal static object?[] Decode(IReadOnlyList<AbiType> types, IReadOnlyList<string>? names, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        var headSize = 0L;
        foreach (var type in types)
            headSize += type.HeadSize;
        if (headSize > data.Length)
            throw new AbiDecodingException($"data has 0x{data.Length:x} bytes but the head of {AbiType.TupleName(types)} needs 0x{headSize:x}");
        var result = new object?[types.Count];
        var head = 0;
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                result[i] = DecodeElement(types[i], data, 0, head);
            }
            catch (AbiPathError e)
            {
                e.PrependMember(names is not null && i < names.Count && names[i].Length > 0 ? names[i] : "#" + i);
                throw new AbiDecodingException($"cannot decode '{e.Path}' of {e.Type}: {e.Problem}", e);
            }
            head += types[i].HeadSize;
        }
        return result;
    }

    /// <summary>Decodes one value type (integer, address, bool, bytes&lt;N&gt;) from a single word, e.g. an event topic.</summary>
    internal static object? DecodeWord(AbiType type, ReadOnlySpan<byte> word) => Decode(type, word, 0);

    /// <summary>An element whose head sits at <paramref name="headPos"/> in a sequence starting at <paramref name="start"/>.</summary>
    private static object? DecodeElement(AbiType type, ReadOnlySpan<byte> data, int start, int headPos)
    {
        if (!type.IsDynamic)
            return Decode(type, data, start + headPos);
        var offsetPos = start + headPos;
        if (!AbiIntegers.TryReadSmall(Word(type, data, offsetPos), out var offset) || (long)start + offset > data.Length)
        {
            throw new AbiPathError(type, $"offset 0x{Convert.ToHexStringLower(Word(type, data, offsetPos)).TrimStart('0')} at byte 0x{offsetPos:x} "
                + $"points beyond the end of the 0x{data.Length:x}-byte data");
        }
        return Decode(type, data, start + offset);
    }

    private static object? Decode(AbiType type, ReadOnlySpan<byte> data, int pos)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt or AbiTypeKind.Int:
                return AbiIntegers.Read(type, Word(type, data, pos), pos);
            case AbiTypeKind.Address:
                var word = Word(type, data, pos);
                RequireZero(type, word[..12], pos, "high bits");
                return new Address(word[12..]);
            case AbiTypeKind.Bool:
                var b = Word(type, data, pos);
                if (b[..31].IndexOfAnyExcept((byte)0) >= 0 || b[31] > 1)
                    throw new AbiPathError(type, $"word 0x{Convert.ToHexStringLower(b)} at byte 0x{pos:x} is neither 0 nor 1");
                return b[31] == 1;
            case AbiTypeKind.FixedBytes:
                var f = Word(type, data, pos);
                RequireZero(type, f[type.Size..], pos, "padding");
                return f[..type.Size].ToArray();
            case AbiTypeKind.Bytes:
                return Content(type, data, pos).ToArray();
            case AbiTypeKind.String:
                return Encoding.UTF8.GetString(Content(type, data, pos));
            case AbiTypeKind.DynamicArray:
                var count = Length(type, data, pos);
                // Zero-size elements (T[0], empty tuples) take no data, so only a cap stops a huge allocation.
                if (type.ElementType!.HeadSize == 0 && count > MaxZeroSizeElements)
                    throw new AbiPathError(type, $"{count} zero-size elements at byte 0x{pos:x} exceed the cap of {MaxZeroSizeElements}");
                return DecodeSequence(type, count, data, pos + 32);
            case AbiTypeKind.FixedArray:
                return DecodeSequence(type, type.Size, data, pos);
            default:
                return DecodeSequence(type, type.Components.Count, data, pos);
        }
    }

    private static object?[] DecodeSequence(AbiType container, int count, ReadOnlySpan<byte> data, int start)
    {
        var element = container.ElementType;
        var headSize = element is not null ? (long)count * element.HeadSize : SumHeads(container.Components);
        if (start + headSize > data.Length)
            throw new AbiPathError(container, $"{count} element(s) from byte 0x{start:x} need 0x{headSize:x} bytes of heads but the data ends at 0x{data.Length:x}");
        var result = new object?[count];
        var head = 0;
        for (var i = 0; i < count; i++)
        {
            var type = element ?? container.Components[i];
            try
            {
                result[i] = DecodeElement(type, data, start, head);
            }
            catch (AbiPathError e)
            {
                if (element is null)
                    e.PrependMember(container.ComponentLabel(i));
                else
                    e.PrependIndex(i);
                throw;
            }
            head += type.HeadSize;
        }
        return result;
    }

    private static ReadOnlySpan<byte> Content(AbiType type, ReadOnlySpan<byte> data, int pos)
    {
        var length = Length(type, data, pos);
        if ((long)pos + 32 + length > data.Length)
            throw new AbiPathError(type, $"length {length} at byte 0x{pos:x} runs past the end of the 0x{data.Length:x}-byte data");
        return data.Slice(pos + 32, length);
    }

    private static int Length(AbiType type, ReadOnlySpan<byte> data, int pos)
    {
        var word = Word(type, data, pos);
        if (!AbiIntegers.TryReadSmall(word, out var length) || length > data.Length)
            throw new AbiPathError(type, $"length 0x{Convert.ToHexStringLower(word).TrimStart('0')} at byte 0x{pos:x} is larger than the data");
        return length;
    }

    private static ReadOnlySpan<byte> Word(AbiType type, ReadOnlySpan<byte> data, int pos)
    {
        if ((long)pos + 32 > data.Length)
            throw new AbiPathError(type, $"needs a 32-byte word at byte 0x{pos:x} but the data ends at 0x{data.Length:x}");
        return data.Slice(pos, 32);
    }

    private static void RequireZero(AbiType type, ReadOnlySpan<byte> bytes, int pos, string what)
    {
        if (bytes.IndexOfAnyExcept((byte)0) >= 0)
            throw new AbiPathError(type, $"dirty {what} in the word at byte 0x{pos:x}");
    }

    private static long SumHeads(IReadOnlyList<AbiType> components)
    {
        var sum = 0L;
        foreach (var c in components)
            sum += c.HeadSize;
        return sum;
    }
}
