using System.Text;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Abi;

/// <summary>
/// Standard (non-packed) ABI encoding. Two passes: measure the exact size, then write into one buffer.
/// Value mapping: see <see cref="AbiType"/>.
/// </summary>
public static class AbiEncoder
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        EncodeWithPrefix([], types, null, values);

    /// <summary>Like <see cref="Encode(IReadOnlyList{AbiType}, IReadOnlyList{object?})"/>; errors use the parameter names.</summary>
    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values) =>
        EncodeWithPrefix([], AbiParameter.TypesOf(parameters), AbiParameter.NamesOf(parameters), values);

    /// <summary>Encodes after <paramref name="prefix"/> (a selector or creation bytecode) in the same buffer.</summary>
    internal static byte[] EncodeWithPrefix(ReadOnlySpan<byte> prefix, IReadOnlyList<AbiType> types, IReadOnlyList<string>? names, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != types.Count)
        {
            // C# spreads an object[] passed alone to a params object?[]; the usual cause of this error.
            var hint = types.Count == 1 && types[0].Kind is AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray or AbiTypeKind.Tuple
                ? "; pass a lone array argument as (object)array or [array] so params does not spread it"
                : "";
            throw new AbiEncodingException($"expected {types.Count} argument(s) for {AbiType.TupleName(types)}, found {values.Count}{hint}");
        }
        var top = new TopLevel(names);
        try
        {
            var size = 0;
            for (var i = 0; i < types.Count; i++)
                size = checked(size + types[i].HeadSize + (types[i].IsDynamic ? Measure(types[i], values[i], top, i) : 0));
            var buffer = new byte[checked(prefix.Length + size)];
            prefix.CopyTo(buffer);
            var items = new AbiItems(values);
            WriteSequence(types, null, items, buffer.AsSpan(prefix.Length), top);
            return buffer;
        }
        catch (AbiPathError e)
        {
            throw new AbiEncodingException($"argument '{e.Path}' of {e.Type}: {e.Problem}", e);
        }
    }

    private static int Measure(AbiType type, object? value, TopLevel top, int index)
    {
        try
        {
            return Measure(type, value);
        }
        catch (AbiPathError e)
        {
            e.PrependMember(top.Label(index));
            throw;
        }
    }

    /// <summary>Size of the value's encoding (head and tail) when it stands in a tail; static types are their head.</summary>
    private static int Measure(AbiType type, object? value)
    {
        if (!type.IsDynamic)
            return type.HeadSize;
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return 32 + Pad32(value is byte[] bytes ? bytes.Length : throw Mismatch(type, value, "byte[]"));
            case AbiTypeKind.String:
                return 32 + Pad32(Encoding.UTF8.GetByteCount(value as string ?? throw Mismatch(type, value, "string")));
            case AbiTypeKind.DynamicArray:
                return checked(32 + MeasureSequence(type, AbiItems.ForArray(type, value)));
            case AbiTypeKind.FixedArray:
                return MeasureSequence(type, AbiItems.ForArray(type, value));
            default:
                return MeasureSequence(type, AbiItems.ForTuple(type, value));
        }
    }

    private static int MeasureSequence(AbiType container, AbiItems items)
    {
        var size = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var element = container.ElementType ?? container.Components[i];
            try
            {
                size = checked(size + element.HeadSize + (element.IsDynamic ? Measure(element, items[i]) : 0));
            }
            catch (AbiPathError e)
            {
                Prepend(e, container, i);
                throw;
            }
        }
        return size;
    }

    private static int Write(AbiType type, object? value, Span<byte> dest)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt or AbiTypeKind.Int:
                AbiIntegers.Write(type, value, dest[..32]);
                return 32;
            case AbiTypeKind.Address:
                var address = value is Address a ? a : throw Mismatch(type, value, nameof(Address));
                dest[..12].Clear();
                address.Bytes.CopyTo(dest[12..32]);
                return 32;
            case AbiTypeKind.Bool:
                dest[..31].Clear();
                dest[31] = value is bool b ? (byte)(b ? 1 : 0) : throw Mismatch(type, value, "bool");
                return 32;
            case AbiTypeKind.FixedBytes:
                if (value is not byte[] fixedBytes)
                    throw Mismatch(type, value, "byte[]");
                if (fixedBytes.Length != type.Size)
                    throw new AbiPathError(type, $"expected exactly {type.Size} bytes, found {fixedBytes.Length}");
                fixedBytes.CopyTo(dest);
                dest[fixedBytes.Length..32].Clear();
                return 32;
            case AbiTypeKind.Bytes:
                return WriteLengthPrefixed((byte[])value!, dest);
            case AbiTypeKind.String:
                var length = Encoding.UTF8.GetBytes((string)value!, dest[32..]);
                return WriteLengthPrefixed(length, dest);
            case AbiTypeKind.DynamicArray:
                var items = AbiItems.ForArray(type, value);
                AbiIntegers.WriteSmall(items.Count, dest);
                return 32 + WriteSequence(null, type, items, dest[32..], default);
            case AbiTypeKind.FixedArray:
                return WriteSequence(null, type, AbiItems.ForArray(type, value), dest, default);
            default:
                return WriteSequence(type.Components, type, AbiItems.ForTuple(type, value), dest, default);
        }
    }

    /// <summary>Heads in order, each dynamic element's head being the offset of its tail within this sequence.</summary>
    private static int WriteSequence(IReadOnlyList<AbiType>? components, AbiType? container, AbiItems items, Span<byte> dest, TopLevel top)
    {
        var elementType = container?.ElementType;
        var head = 0;
        var tail = 0;
        for (var i = 0; i < items.Count; i++)
            tail += (elementType ?? components![i]).HeadSize;
        for (var i = 0; i < items.Count; i++)
        {
            var element = elementType ?? components![i];
            try
            {
                if (element.IsDynamic)
                {
                    AbiIntegers.WriteSmall(tail, dest[head..]);
                    tail += Write(element, items[i], dest[tail..]);
                }
                else
                {
                    Write(element, items[i], dest[head..]);
                }
            }
            catch (AbiPathError e)
            {
                if (container is null)
                    e.PrependMember(top.Label(i));
                else
                    Prepend(e, container, i);
                throw;
            }
            head += element.HeadSize;
        }
        return tail;
    }

    private static int WriteLengthPrefixed(byte[] content, Span<byte> dest)
    {
        content.CopyTo(dest[32..]);
        return WriteLengthPrefixed(content.Length, dest);
    }

    /// <summary>The content is already at dest[32..]; adds the length word and zero padding.</summary>
    private static int WriteLengthPrefixed(int length, Span<byte> dest)
    {
        AbiIntegers.WriteSmall(length, dest);
        var padded = Pad32(length);
        dest[(32 + length)..(32 + padded)].Clear();
        return 32 + padded;
    }

    private static void Prepend(AbiPathError e, AbiType container, int index)
    {
        if (container.Kind == AbiTypeKind.Tuple)
            e.PrependMember(container.ComponentLabel(index));
        else
            e.PrependIndex(index);
    }

    private static int Pad32(int length) => checked((length + 31) / 32 * 32);

    private static AbiPathError Mismatch(AbiType type, object? value, string expected) =>
        new(type, $"expected {expected}, found {AbiIntegers.Describe(value)}");

    /// <summary>Labels of the top-level arguments, which have no enclosing AbiType to carry their names.</summary>
    private readonly struct TopLevel(IReadOnlyList<string>? names)
    {
        public string Label(int index) =>
            names is not null && index < names.Count && names[index].Length > 0 ? names[index] : "#" + index;
    }
}
