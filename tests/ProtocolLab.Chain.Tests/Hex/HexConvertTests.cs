using System.Numerics;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Tests.Hex;

public class HexConvertTests
{
    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("0x0a0B", new byte[] { 0x0a, 0x0b })]
    [InlineData("abc", new byte[] { 0x0a, 0xbc })]
    public void FromHex_WithOrWithoutPrefix_Parses(string hex, byte[] expected)
    {
        // Given hex with a prefix, mixed case or an odd number of digits
        // When parsed
        var bytes = HexConvert.FromHex(hex);

        // Then an odd length gets a leading zero nibble
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void FromHex_NonHexDigits_Throws()
    {
        // Given text that is not hex
        // When parsed, Then it fails naming the input
        var e = Assert.Throws<FormatException>(() => HexConvert.FromHex("0xzz"));
        Assert.Contains("zz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quantity_RoundTrip_HasNoLeadingZeros()
    {
        // Given quantities as JSON-RPC writes them
        // Then zero is 0x0, leading zeros are dropped and parsing inverts formatting
        Assert.Equal("0x0", HexConvert.ToQuantity(BigInteger.Zero));
        Assert.Equal("0x100", HexConvert.ToQuantity(256UL));
        Assert.Equal("0x100", HexConvert.ToQuantity(new BigInteger(256)));
        Assert.Equal(256UL, HexConvert.ParseQuantityUInt64("0x100"));
        Assert.Equal(BigInteger.Pow(2, 255), HexConvert.ParseQuantity(HexConvert.ToQuantity(BigInteger.Pow(2, 255))));
        Assert.Throws<ArgumentOutOfRangeException>(() => HexConvert.ToQuantity(BigInteger.MinusOne));
    }
}
