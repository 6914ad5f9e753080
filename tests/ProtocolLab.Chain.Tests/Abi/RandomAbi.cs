using System.Numerics;
using System.Text;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Tests.Abi;

/// <summary>Random ABI types and matching values from a seeded <see cref="Random"/>, for round-trip properties.</summary>
internal sealed class RandomAbi(Random random)
{
    private static readonly string[] TextPieces = ["", "a", "hello", "é", "€uro", "日本", "🦄", "0123456789abcdef0123456789abcdef!"];

    public AbiType NextType(int depth = 0)
    {
        var roll = depth >= 3 ? 0 : random.Next(10);
        return roll switch
        {
            < 5 => NextElementary(),
            < 7 => AbiType.DynamicArray(NextType(depth + 1)),
            < 8 => AbiType.FixedArray(NextType(depth + 1), random.Next(0, 4)),
            _ => NextTuple(depth),
        };
    }

    public object? NextValue(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => NextInteger(type),
        AbiTypeKind.Address => new Address(NextBytes(20)),
        AbiTypeKind.Bool => random.Next(2) == 1,
        AbiTypeKind.FixedBytes => NextBytes(type.Size),
        AbiTypeKind.Bytes => NextBytes(random.Next(0, 70)),
        AbiTypeKind.String => NextString(),
        AbiTypeKind.DynamicArray => NextList(type.ElementType!, random.Next(0, 4)),
        AbiTypeKind.FixedArray => NextList(type.ElementType!, type.Size),
        _ => NextTupleValue(type),
    };

    private AbiType NextElementary() => random.Next(8) switch
    {
        0 => AbiType.UInt(8 * random.Next(1, 33)),
        1 => AbiType.Int(8 * random.Next(1, 33)),
        2 => AbiType.Address,
        3 => AbiType.Bool,
        4 => AbiType.FixedBytes(random.Next(1, 33)),
        5 => AbiType.Bytes,
        6 => AbiType.String,
        _ => random.Next(2) == 0 ? AbiType.UInt256 : AbiType.Int256,
    };

    private AbiType NextTuple(int depth)
    {
        var count = random.Next(0, 5);
        var components = new AbiType[count];
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            components[i] = NextType(depth + 1);
            names[i] = random.Next(3) == 0 ? "" : "f" + i;
        }
        return AbiType.Tuple(components, names);
    }

    /// <summary>Mostly uniform over the bit width, with the edges (0, ±1, min, max) a quarter of the time.</summary>
    private BigInteger NextInteger(AbiType type)
    {
        var signed = type.Kind == AbiTypeKind.Int;
        var min = signed ? -(BigInteger.One << (type.Size - 1)) : BigInteger.Zero;
        var max = (BigInteger.One << (signed ? type.Size - 1 : type.Size)) - 1;
        switch (random.Next(8))
        {
            case 0:
                return min;
            case 1:
                return max;
            case 2:
                return signed && random.Next(2) == 0 ? BigInteger.MinusOne : BigInteger.Zero;
        }
        var bits = random.Next(1, type.Size + 1);
        var magnitude = new BigInteger(NextBytes((bits + 7) / 8), isUnsigned: true) & ((BigInteger.One << bits) - 1);
        var value = signed && random.Next(2) == 0 ? -magnitude : magnitude;
        return BigInteger.Clamp(value, min, max);
    }

    private string NextString()
    {
        var sb = new StringBuilder();
        for (var i = random.Next(0, 4); i > 0; i--)
            sb.Append(TextPieces[random.Next(TextPieces.Length)]);
        return sb.ToString();
    }

    private object?[] NextList(AbiType element, int count)
    {
        var values = new object?[count];
        for (var i = 0; i < count; i++)
            values[i] = NextValue(element);
        return values;
    }

    private object?[] NextTupleValue(AbiType tuple)
    {
        var values = new object?[tuple.Components.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = NextValue(tuple.Components[i]);
        return values;
    }

    private byte[] NextBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
