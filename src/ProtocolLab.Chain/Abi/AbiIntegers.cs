using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace ProtocolLab.Chain.Abi;

/// <summary>uint&lt;N&gt;/int&lt;N&gt; to and from 32-byte big-endian two's complement words.</summary>
internal static class AbiIntegers
{
    /// <summary>Writes <paramref name="value"/> into a 32-byte word after a range check against the type.</summary>
    public static void Write(AbiType type, object? value, Span<byte> word)
    {
        var bits = type.Size;
        var signed = type.Kind == AbiTypeKind.Int;
        switch (value)
        {
            case int or long or short or sbyte:
                var l = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                if (signed ? bits < 64 && (l < -(1L << (bits - 1)) || l >= 1L << (bits - 1)) : l < 0 || (bits < 64 && l >= 1L << bits))
                    throw OutOfRange(type, l);
                word[..24].Fill(l < 0 ? (byte)0xFF : (byte)0);
                BinaryPrimitives.WriteInt64BigEndian(word[24..], l);
                return;
            case uint or ulong or ushort or byte:
                var u = Convert.ToUInt64(value, CultureInfo.InvariantCulture);
                var limitBits = signed ? bits - 1 : bits;
                if (limitBits < 64 && u >= 1UL << limitBits)
                    throw OutOfRange(type, u);
                word[..24].Clear();
                BinaryPrimitives.WriteUInt64BigEndian(word[24..], u);
                return;
            case BigInteger big:
                WriteBig(type, big, word);
                return;
            default:
                throw new AbiPathError(type, $"expected an integer (BigInteger, long, ulong, ...), found {Describe(value)}");
        }
    }

    private static void WriteBig(AbiType type, BigInteger value, Span<byte> word)
    {
        if (value < type.MinValue || value > type.MaxValue)
            throw OutOfRange(type, value);
        var negative = value.Sign < 0;
        word.Fill(negative ? (byte)0xFF : (byte)0);
        var count = value.GetByteCount(isUnsigned: !negative);
        value.TryWriteBytes(word[(32 - count)..], out _, isUnsigned: !negative, isBigEndian: true);
    }

    /// <summary>Reads an integer word, rejecting high bits that are not the zero or sign extension of an N-bit value.</summary>
    public static BigInteger Read(AbiType type, ReadOnlySpan<byte> word, int position)
    {
        var width = type.Size / 8;
        var signed = type.Kind == AbiTypeKind.Int;
        var pad = signed && (word[32 - width] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        if (word[..(32 - width)].IndexOfAnyExcept(pad) >= 0)
            throw new AbiPathError(type, $"dirty high bits in word 0x{Convert.ToHexStringLower(word)} at byte 0x{position:x}");
        if (width <= 8)
        {
            return signed
                ? new BigInteger(BinaryPrimitives.ReadInt64BigEndian(word[24..]))
                : new BigInteger(BinaryPrimitives.ReadUInt64BigEndian(word[24..]));
        }
        return new BigInteger(word[(32 - width)..], isUnsigned: !signed, isBigEndian: true);
    }

    /// <summary>An offset or length word as an int; anything >= 2^31 cannot point into real data.</summary>
    public static bool TryReadSmall(ReadOnlySpan<byte> word, out int value)
    {
        value = 0;
        if (word[..28].IndexOfAnyExcept((byte)0) >= 0)
            return false;
        var v = BinaryPrimitives.ReadUInt32BigEndian(word[28..]);
        if (v > int.MaxValue)
            return false;
        value = (int)v;
        return true;
    }

    public static void WriteSmall(int value, Span<byte> word)
    {
        word[..28].Clear();
        BinaryPrimitives.WriteInt32BigEndian(word[28..], value);
    }

    /// <summary>Large powers of two (and their predecessors) print as 2^k (2^k-1), which is how range errors are usually reasoned about.</summary>
    public static string Format(BigInteger value)
    {
        var magnitude = BigInteger.Abs(value);
        if (magnitude >= BigInteger.One << 64 && magnitude.IsPowerOfTwo)
            return (value.Sign < 0 ? "-2^" : "2^") + (magnitude.GetBitLength() - 1);
        if (magnitude >= BigInteger.One << 64 && (magnitude + 1).IsPowerOfTwo)
            return (value.Sign < 0 ? "-(2^" : "2^") + magnitude.GetBitLength() + (value.Sign < 0 ? "-1)" : "-1");
        return value.ToString(CultureInfo.InvariantCulture);
    }

    internal static string Describe(object? value) => value is null ? "null" : value.GetType().Name;

    private static AbiPathError OutOfRange(AbiType type, BigInteger value) =>
        new(type, $"{Format(value)} is out of range [{Format(type.MinValue)}, {Format(type.MaxValue)}]");
}
