using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Tests.Hex;

public class AddressTests
{
    // The test vectors of EIP-55.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void ToString_Eip55Vector_ReproducesTheChecksum(string checksummed)
    {
        // Given the address parsed from its lower-case form, so no checksum is taken from the input
        var address = Address.Parse(checksummed.ToLowerInvariant());

        // When printed
        var text = address.ToString();

        // Then the mixed case is exactly EIP-55's
        Assert.Equal(checksummed, text);
    }

    [Fact]
    public void Parse_BadChecksum_IsRejected()
    {
        // Given an EIP-55 vector with the case of its last letter flipped
        const string tampered = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";

        // When parsed
        var ok = Address.TryParse(tampered, out _, out var error);

        // Then it fails and says why
        Assert.False(ok);
        Assert.Contains("checksum", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Address.Parse(tampered));
    }

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    public void Parse_SingleCase_NeedsNoChecksum(string text)
    {
        // Given an all-lower or all-upper address
        // When parsed
        var address = Address.Parse(text);

        // Then it is accepted and prints checksummed
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", address.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg")]
    public void TryParse_Malformed_Fails(string? text)
    {
        // Given text that is not 0x plus 40 hex digits
        // When parsed
        var ok = Address.TryParse(text, out var address, out var error);

        // Then it fails without an address
        Assert.False(ok);
        Assert.True(address.IsZero);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Equals_SameBytesDifferentCase_AreEqual()
    {
        // Given one address parsed from two spellings
        var a = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        var b = Address.Parse("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");

        // Then they are equal, hash alike and the default value is the zero address
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(Address.Zero, default);
        Assert.Equal("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359", a.ToLowerHex());
    }
}
