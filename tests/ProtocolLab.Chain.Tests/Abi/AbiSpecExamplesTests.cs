using ProtocolLab.Chain.Abi;
using static ProtocolLab.Chain.Tests.Abi.AbiAssert;

namespace ProtocolLab.Chain.Tests.Abi;

/// <summary>The worked examples of the Solidity ABI specification, byte for byte.</summary>
public class AbiSpecExamplesTests
{
    [Fact]
    public void EncodeCall_Baz_MatchesSpec()
    {
        // Given baz(uint32,bool) called with 69 and true
        var baz = AbiFunction.FromSignature("baz(uint32,bool)");

        // When encoded
        var calldata = baz.EncodeCall(69, true);

        // Then the selector and both words are the specification's
        Assert.Equal("0xcdcd77c0", baz.SelectorHex);
        Assert.Equal(
            "cdcd77c0"
            + "0000000000000000000000000000000000000000000000000000000000000045"
            + "0000000000000000000000000000000000000000000000000000000000000001",
            ToHex(calldata));
    }

    [Fact]
    public void EncodeCall_BarWithFixedBytesArray_MatchesSpec()
    {
        // Given bar(bytes3[2]) called with ["abc", "def"]
        var bar = AbiFunction.FromSignature("bar(bytes3[2])");

        // When encoded
        var calldata = bar.EncodeCall([new object[] { "abc"u8.ToArray(), "def"u8.ToArray() }]);

        // Then the two values are left-aligned in place, with no offset
        Assert.Equal(
            "fce353f6"
            + "6162630000000000000000000000000000000000000000000000000000000000"
            + "6465660000000000000000000000000000000000000000000000000000000000",
            ToHex(calldata));
    }

    [Fact]
    public void EncodeCall_SamWithDynamicArguments_MatchesSpec()
    {
        // Given sam(bytes,bool,uint256[]) called with "dave", true and [1,2,3]; "uint[]" is the alias
        var sam = AbiFunction.FromSignature("sam(bytes,bool,uint[])");

        // When encoded
        var calldata = sam.EncodeCall("dave"u8.ToArray(), true, new[] { 1, 2, 3 });

        // Then offsets point past the 3-word head and the signature uses the canonical uint256
        Assert.Equal("sam(bytes,bool,uint256[])", sam.Signature);
        Assert.Equal(
            HexBytes("""
                a5643bf2
                0000000000000000000000000000000000000000000000000000000000000060
                0000000000000000000000000000000000000000000000000000000000000001
                00000000000000000000000000000000000000000000000000000000000000a0
                0000000000000000000000000000000000000000000000000000000000000004
                6461766500000000000000000000000000000000000000000000000000000000
                0000000000000000000000000000000000000000000000000000000000000003
                0000000000000000000000000000000000000000000000000000000000000001
                0000000000000000000000000000000000000000000000000000000000000002
                0000000000000000000000000000000000000000000000000000000000000003
                """),
            calldata);
    }

    private static readonly byte[] FCalldata = HexBytes("""
        8be65246
        0000000000000000000000000000000000000000000000000000000000000123
        0000000000000000000000000000000000000000000000000000000000000080
        3132333435363738393000000000000000000000000000000000000000000000
        00000000000000000000000000000000000000000000000000000000000000e0
        0000000000000000000000000000000000000000000000000000000000000002
        0000000000000000000000000000000000000000000000000000000000000456
        0000000000000000000000000000000000000000000000000000000000000789
        000000000000000000000000000000000000000000000000000000000000000d
        48656c6c6f2c20776f726c642100000000000000000000000000000000000000
        """);

    [Fact]
    public void EncodeCall_FWithMixedStaticAndDynamic_MatchesSpec()
    {
        // Given f(uint,uint32[],bytes10,bytes) with (0x123, [0x456, 0x789], "1234567890", "Hello, world!")
        var f = AbiFunction.FromSignature("f(uint,uint32[],bytes10,bytes)");

        // When encoded
        var calldata = f.EncodeCall(0x123, new[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), "Hello, world!"u8.ToArray());

        // Then it is the specification's encoding
        Assert.Equal(FCalldata, calldata);
    }

    [Fact]
    public void DecodeInput_F_RecoversTheArguments()
    {
        // Given the specification's calldata for f
        var f = AbiFunction.FromSignature("f(uint256,uint32[],bytes10,bytes)");

        // When decoded
        var args = f.DecodeInput(FCalldata);

        // Then the original values come back
        DeepEqual(new object[] { 0x123, new[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), "Hello, world!"u8.ToArray() }, args);
    }

    private static readonly byte[] GCalldata = HexBytes("""
        2289b18c
        0000000000000000000000000000000000000000000000000000000000000040
        0000000000000000000000000000000000000000000000000000000000000140
        0000000000000000000000000000000000000000000000000000000000000002
        0000000000000000000000000000000000000000000000000000000000000040
        00000000000000000000000000000000000000000000000000000000000000a0
        0000000000000000000000000000000000000000000000000000000000000002
        0000000000000000000000000000000000000000000000000000000000000001
        0000000000000000000000000000000000000000000000000000000000000002
        0000000000000000000000000000000000000000000000000000000000000001
        0000000000000000000000000000000000000000000000000000000000000003
        0000000000000000000000000000000000000000000000000000000000000003
        0000000000000000000000000000000000000000000000000000000000000060
        00000000000000000000000000000000000000000000000000000000000000a0
        00000000000000000000000000000000000000000000000000000000000000e0
        0000000000000000000000000000000000000000000000000000000000000003
        6f6e650000000000000000000000000000000000000000000000000000000000
        0000000000000000000000000000000000000000000000000000000000000003
        74776f0000000000000000000000000000000000000000000000000000000000
        0000000000000000000000000000000000000000000000000000000000000005
        7468726565000000000000000000000000000000000000000000000000000000
        """);

    [Fact]
    public void EncodeCall_GWithNestedDynamicArrays_MatchesSpec()
    {
        // Given g(uint[][],string[]) with ([[1, 2], [3]], ["one", "two", "three"])
        var g = AbiFunction.FromSignature("g(uint[][],string[])");

        // When encoded
        var calldata = g.EncodeCall(new object[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" });

        // Then nested offsets are relative to the start of each enclosing array's content
        Assert.Equal(GCalldata, calldata);
    }

    [Fact]
    public void DecodeInput_G_RecoversTheNestedValues()
    {
        // Given the specification's calldata for g
        var g = AbiFunction.FromSignature("g(uint256[][],string[])");

        // When decoded
        var args = g.DecodeInput(GCalldata);

        // Then the nested arrays and strings come back
        DeepEqual(new object[] { new object[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" } }, args);
    }
}
