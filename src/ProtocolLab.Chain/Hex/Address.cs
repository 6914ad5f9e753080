using System.Text;

namespace ProtocolLab.Chain.Hex;

/// <summary>A 20-byte account address. Prints with EIP-55 mixed-case checksum; parses any case.</summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    private readonly byte[]? _bytes;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 20)
            throw new ArgumentException($"an address has 20 bytes, found {bytes.Length}", nameof(bytes));
        _bytes = bytes.ToArray();
    }

    public static Address Zero { get; } = new(new byte[20]);

    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[20];

    public bool IsZero => Bytes.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Parses 0x-prefixed hex. A mixed-case input must carry a valid EIP-55 checksum.</summary>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
            throw new FormatException(error);
        return address;
    }

    public static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null || text.Length != 42 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            error = $"expected an address as 0x followed by 40 hex digits, found \"{text}\"";
            return false;
        }
        var hex = text.AsSpan(2);
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = $"expected an address as 0x followed by 40 hex digits, found \"{text}\"";
                return false;
            }
        }
        address = new Address(Convert.FromHexString(hex));
        var mixedCase = hex.ContainsAnyInRange('a', 'f') && hex.ContainsAnyInRange('A', 'F');
        if (mixedCase && address.ToString() != text)
        {
            error = $"address \"{text}\" has a bad EIP-55 checksum (expected {address})";
            address = default;
            return false;
        }
        error = "";
        return true;
    }

    /// <summary>EIP-55: upper-case a hex letter when the matching nibble of keccak(lower-hex) is >= 8.</summary>
    public override string ToString()
    {
        var lower = Convert.ToHexStringLower(Bytes);
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var sb = new StringBuilder("0x", 42);
        for (var i = 0; i < 40; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            var c = lower[i];
            sb.Append(c >= 'a' && nibble >= 8 ? char.ToUpperInvariant(c) : c);
        }
        return sb.ToString();
    }

    /// <summary>Lower-case hex, the cheap form for JSON-RPC requests.</summary>
    public string ToLowerHex() => "0x" + Convert.ToHexStringLower(Bytes);

    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public int CompareTo(Address other) => Bytes.SequenceCompareTo(other.Bytes);

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
