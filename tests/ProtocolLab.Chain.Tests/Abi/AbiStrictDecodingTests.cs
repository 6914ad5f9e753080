using ProtocolLab.Chain.Abi;
using static ProtocolLab.Chain.Tests.Abi.AbiAssert;

namespace ProtocolLab.Chain.Tests.Abi;

public class AbiStrictDecodingTests
{
    private const string Zero = "0000000000000000000000000000000000000000000000000000000000000000";

    [Theory]
    [InlineData("uint8", "0000000000000000000000000000000000000000000000000000000000000100", "dirty high bits")]
    [InlineData("uint128", "0000000000000000000000000000000100000000000000000000000000000000", "dirty high bits")]
    [InlineData("int8", "00000000000000000000000000000000000000000000000000000000000000ff", "dirty high bits")]
    [InlineData("int8", "ff0000000000000000000000000000000000000000000000000000000000007f", "dirty high bits")]
    [InlineData("address", "0000000000000000000000010000000000000000000000000000000000000000", "dirty high bits")]
    [InlineData("bool", "0000000000000000000000000000000000000000000000000000000000000002", "neither 0 nor 1")]
    [InlineData("bool", "0100000000000000000000000000000000000000000000000000000000000001", "neither 0 nor 1")]
    [InlineData("bytes2", "1234560000000000000000000000000000000000000000000000000000000000", "dirty padding")]
    public void Decode_DirtyPadding_Throws(string typeName, string word, string expected)
    {
        // Given a word whose unused bits are not the zero (or sign) extension of a valid value
        // When decoded
        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse(typeName)], HexBytes(word)));

        // Then the error names the argument, the type and the problem
        Assert.Contains($"'#0' of {typeName}", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int8", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80", -128)]
    [InlineData("int16", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8000", -32768)]
    [InlineData("int24", "0000000000000000000000000000000000000000000000000000000000007fff", 32767)]
    public void Decode_SignExtendedWord_GivesTheNegativeValue(string typeName, string word, int expected)
    {
        // Given a properly sign-extended word
        // When decoded
        var values = AbiDecoder.Decode([AbiType.Parse(typeName)], HexBytes(word));

        // Then the value is negative (or positive) as its top bit says
        DeepEqual(expected, values[0]);
    }

    [Fact]
    public void Decode_TruncatedHead_ThrowsNamingTheSizes()
    {
        // Given 32 bytes for a (uint256,bool) head of 64
        // When decoded
        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.UInt256, AbiType.Bool], HexBytes(Zero)));

        // Then the message gives both sizes
        Assert.Contains("data has 0x20 bytes but the head of (uint256,bool) needs 0x40", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OffsetBeyondTheData_Throws()
    {
        // Given a bytes argument whose offset points at 0x1000 in 64 bytes of data
        var data = HexBytes("0000000000000000000000000000000000000000000000000000000000001000" + Zero);

        // When decoded
        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([new AbiParameter("memo", AbiType.Bytes)], data));

        // Then the error names the argument and the bad offset
        Assert.Contains("'memo' of bytes: offset 0x1000 at byte 0x0 points beyond the end of the 0x40-byte data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HugeOffset_ThrowsInsteadOfOverflowing()
    {
        // Given an offset of 2^255
        var data = HexBytes("8000000000000000000000000000000000000000000000000000000000000000" + Zero);

        // When decoded, Then it is rejected as malformed
        Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.String], data));
    }

    [Fact]
    public void Decode_LengthPastTheEnd_Throws()
    {
        // Given a string claiming 0x21 bytes with only 32 present
        var data = HexBytes("0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000021" + Zero);

        // When decoded
        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.String], data));

        // Then the length is blamed
        Assert.Contains("length 33 at byte 0x20 runs past the end", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ArrayCountLargerThanTheData_ThrowsBeforeAllocating()
    {
        // Given a uint256[] claiming 2^31-1 elements
        var data = HexBytes("0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000007fffffff");

        // When decoded
        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("uint256[]")], data));

        // Then the element count is blamed
        Assert.Contains("'#0' of uint256[]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DirtyElementInNestedStruct_NamesThePath()
    {
        // Given (uint8 a, bool[] flags) with flags[1] = 2
        var tuple = AbiType.Tuple([AbiType.UInt(8), AbiType.Parse("bool[]")], ["a", "flags"]);
        var data = AbiEncoder.Encode([tuple], [new object[] { 1, new[] { true, true } }]);
        data[^1] = 2;

        // When decoded
        var e = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([new AbiParameter("s", tuple)], data));

        // Then the path leads to the element
        Assert.Contains("cannot decode 's.flags[1]' of bool", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TrailingBytes_AreIgnored()
    {
        // Given a uint256 followed by junk, as some contracts return
        var data = HexBytes("000000000000000000000000000000000000000000000000000000000000002a" + "ffff");

        // When decoded
        var values = AbiDecoder.Decode([AbiType.UInt256], data);

        // Then the value is read and the rest ignored
        DeepEqual(42, values[0]);
    }

    [Fact]
    public void DecodeInput_WrongSelector_Throws()
    {
        // Given calldata for another function
        var transfer = AbiFunction.FromSignature("transfer(address,uint256)");

        // When decoded as transfer, Then the selectors are compared
        var e = Assert.Throws<AbiDecodingException>(() => transfer.DecodeInput(HexBytes("095ea7b3")));
        Assert.Contains("0x095ea7b3, not the selector 0xa9059cbb", e.Message, StringComparison.Ordinal);
    }
}
