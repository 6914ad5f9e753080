using System.Numerics;
using System.Text;

namespace ProtocolLab.Chain.Abi;

/// <summary>
/// A Solidity ABI type. Immutable; equality is by <see cref="CanonicalName"/> (tuple component names are ignored).
/// </summary>
/// <remarks>
/// .NET value mapping, decode result (what encode also accepts):
/// <list type="bullet">
/// <item>uint&lt;N&gt;, int&lt;N&gt;: <see cref="BigInteger"/> (also int, long, short, sbyte, uint, ulong, ushort, byte).</item>
/// <item>address: <see cref="Hex.Address"/>.</item>
/// <item>bool: <see cref="bool"/>.</item>
/// <item>bytes&lt;N&gt;: byte[] of exactly N bytes; bytes: byte[].</item>
/// <item>string: <see cref="string"/> (UTF-8 on the wire).</item>
/// <item>T[k], T[]: object?[] (any <see cref="System.Collections.IList"/>).</item>
/// <item>tuples: object?[] in component order (any IList or <see cref="System.Runtime.CompilerServices.ITuple"/>).</item>
/// </list>
/// </remarks>
public sealed class AbiType : IEquatable<AbiType>
{
    private static readonly AbiType[] UInts = CreateIntegers(signed: false);
    private static readonly AbiType[] Ints = CreateIntegers(signed: true);
    private static readonly AbiType[] FixedBytesTypes = CreateFixedBytes();
    private static readonly string[] NoNames = [];

    private AbiType(AbiTypeKind kind, int size, AbiType? element, IReadOnlyList<AbiType>? components, IReadOnlyList<string>? names)
    {
        Kind = kind;
        Size = size;
        ElementType = element;
        Components = components ?? [];
        ComponentNames = names ?? NoNames;
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.DynamicArray => true,
            AbiTypeKind.FixedArray => element!.IsDynamic,
            AbiTypeKind.Tuple => AnyDynamic(Components),
            _ => false,
        };
        HeadSize = IsDynamic ? 32 : kind switch
        {
            AbiTypeKind.FixedArray => checked(size * element!.HeadSize),
            AbiTypeKind.Tuple => SumHeads(Components),
            _ => 32,
        };
        CanonicalName = BuildName();
        if (kind is AbiTypeKind.UInt or AbiTypeKind.Int)
        {
            MinValue = kind == AbiTypeKind.UInt ? BigInteger.Zero : -(BigInteger.One << (size - 1));
            MaxValue = (BigInteger.One << (kind == AbiTypeKind.UInt ? size : size - 1)) - 1;
        }
    }

    public static AbiType Address { get; } = new(AbiTypeKind.Address, 160, null, null, null);
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 8, null, null, null);
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, null, null);
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, null, null);
    public static AbiType UInt256 => UInt(256);
    public static AbiType Int256 => Int(256);

    public AbiTypeKind Kind { get; }

    /// <summary>Bits for integers, bytes for bytes&lt;N&gt;, element count for T[k]; 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>The element type of T[k] and T[].</summary>
    public AbiType? ElementType { get; }

    /// <summary>Tuple components; empty for other kinds.</summary>
    public IReadOnlyList<AbiType> Components { get; }

    /// <summary>Tuple component names from the ABI JSON ("" when unnamed); empty when none were given.</summary>
    public IReadOnlyList<string> ComponentNames { get; }

    /// <summary>Dynamic types are encoded in the tail and referenced by an offset in the head.</summary>
    public bool IsDynamic { get; }

    /// <summary>Bytes the type takes in the head of its enclosing tuple (32 for every dynamic type).</summary>
    public int HeadSize { get; }

    /// <summary>The form used in signatures, e.g. <c>(uint256,address[])[]</c>.</summary>
    public string CanonicalName { get; }

    internal BigInteger MinValue { get; }
    internal BigInteger MaxValue { get; }

    public static AbiType UInt(int bits) => UInts[IntegerIndex(bits)];

    public static AbiType Int(int bits) => Ints[IntegerIndex(bits)];

    public static AbiType FixedBytes(int length)
    {
        if (length is < 1 or > 32)
            throw new ArgumentOutOfRangeException(nameof(length), $"bytes<N> needs 1 <= N <= 32, found {length}");
        return FixedBytesTypes[length - 1];
    }

    public static AbiType FixedArray(AbiType element, int length)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (length is < 0 or > 1 << 20)
            throw new ArgumentOutOfRangeException(nameof(length), $"a fixed array length must be in [0, 2^20], found {length}");
        return new AbiType(AbiTypeKind.FixedArray, length, element, null, null);
    }

    public static AbiType DynamicArray(AbiType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new AbiType(AbiTypeKind.DynamicArray, 0, element, null, null);
    }

    public static AbiType Tuple(params AbiType[] components) => Tuple(components, null);

    /// <param name="names">One name per component ("" for unnamed), or null.</param>
    public static AbiType Tuple(IReadOnlyList<AbiType> components, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (names is not null && names.Count != components.Count)
            throw new ArgumentException($"{names.Count} names for {components.Count} tuple components", nameof(names));
        return new AbiType(AbiTypeKind.Tuple, components.Count, null, components.ToArray(), names?.ToArray());
    }

    /// <summary>Parses a canonical type string such as <c>uint</c>, <c>bytes32[]</c> or <c>(address,uint256)[2]</c>.</summary>
    public static AbiType Parse(string text) => AbiTypeParser.Parse(text);

    /// <summary>Parses one ABI JSON parameter object (<c>type</c> plus <c>components</c> for tuples).</summary>
    public static AbiType FromJson(System.Text.Json.JsonElement parameter) => AbiTypeParser.FromJson(parameter);

    /// <summary>The name of tuple component <paramref name="index"/> for messages: its declared name or <c>#index</c>.</summary>
    internal string ComponentLabel(int index) =>
        index < ComponentNames.Count && ComponentNames[index].Length > 0 ? ComponentNames[index] : "#" + index;

    public bool Equals(AbiType? other) => other is not null && CanonicalName == other.CanonicalName;

    public override bool Equals(object? obj) => obj is AbiType other && Equals(other);

    public override int GetHashCode() => CanonicalName.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => CanonicalName;

    private static int IntegerIndex(int bits)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
            throw new ArgumentOutOfRangeException(nameof(bits), $"integer width must be a multiple of 8 in [8, 256], found {bits}");
        return bits / 8 - 1;
    }

    private static AbiType[] CreateIntegers(bool signed)
    {
        var types = new AbiType[32];
        for (var i = 0; i < types.Length; i++)
            types[i] = new AbiType(signed ? AbiTypeKind.Int : AbiTypeKind.UInt, (i + 1) * 8, null, null, null);
        return types;
    }

    private static AbiType[] CreateFixedBytes()
    {
        var types = new AbiType[32];
        for (var i = 0; i < types.Length; i++)
            types[i] = new AbiType(AbiTypeKind.FixedBytes, i + 1, null, null, null);
        return types;
    }

    private static bool AnyDynamic(IReadOnlyList<AbiType> components)
    {
        foreach (var c in components)
        {
            if (c.IsDynamic)
                return true;
        }
        return false;
    }

    private static int SumHeads(IReadOnlyList<AbiType> components)
    {
        var sum = 0;
        foreach (var c in components)
            sum = checked(sum + c.HeadSize);
        return sum;
    }

    private string BuildName() => Kind switch
    {
        AbiTypeKind.UInt => "uint" + Size,
        AbiTypeKind.Int => "int" + Size,
        AbiTypeKind.Address => "address",
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.FixedBytes => "bytes" + Size,
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.String => "string",
        AbiTypeKind.FixedArray => ElementType!.CanonicalName + "[" + Size + "]",
        AbiTypeKind.DynamicArray => ElementType!.CanonicalName + "[]",
        _ => TupleName(Components),
    };

    internal static string TupleName(IReadOnlyList<AbiType> components)
    {
        var sb = new StringBuilder("(");
        for (var i = 0; i < components.Count; i++)
        {
            if (i > 0)
                sb.Append(',');
            sb.Append(components[i].CanonicalName);
        }
        return sb.Append(')').ToString();
    }
}
