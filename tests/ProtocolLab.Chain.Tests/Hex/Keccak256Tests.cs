using System.Text;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Chain.Tests.Hex;

public class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("Transfer(address,address,uint256)", "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void Hash_KnownString_MatchesVector(string input, string expectedHex)
    {
        // Given a string with a published Keccak-256 digest
        // When it is hashed as UTF-8
        var hash = Keccak256.Hash(input);

        // Then the digest is Keccak's, not NIST SHA3-256's (which differs for "" as a7ffc6f8...)
        Assert.Equal(expectedHex, Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Hash_InputLongerThanTheRate_AbsorbsSeveralBlocks()
    {
        // Given 200 bytes 0x00..0xc7, longer than the 136-byte rate of Keccak-256
        var input = new byte[200];
        for (var i = 0; i < input.Length; i++)
            input[i] = (byte)i;

        // When hashed
        var hash = Keccak256.Hash(input);

        // Then it matches the digest from an independent implementation (js-sha3)
        Assert.Equal("bfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890", Convert.ToHexStringLower(hash));
    }

    [Theory]
    [InlineData(135, "34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446")]
    [InlineData(136, "a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e")]
    public void Hash_InputAtTheRateBoundary_PadsCorrectly(int length, string expectedHex)
    {
        // Given 'a' repeated to one byte short of, and exactly, the 136-byte rate (the padding edge cases)
        var input = Encoding.ASCII.GetBytes(new string('a', length));

        // When hashed
        var hash = Keccak256.Hash(input);

        // Then the digest matches js-sha3
        Assert.Equal(expectedHex, Convert.ToHexStringLower(hash));
    }
}
