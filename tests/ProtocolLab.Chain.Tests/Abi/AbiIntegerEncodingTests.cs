using System.Numerics;
using ProtocolLab.Chain.Abi;
using static ProtocolLab.Chain.Tests.Abi.AbiAssert;

namespace ProtocolLab.Chain.Tests.Abi;

public class AbiIntegerEncodingTests
{
    public static TheoryData<string, object, string> Edges() => new()
    {
        { "int8", -128, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80" },
        { "int8", 127, "000000000000000000000000000000000000000000000000000000000000007f" },
        { "int8", -1, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
        { "int256", -1L, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
        { "int256", -(BigInteger.One << 255), "8000000000000000000000000000000000000000000000000000000000000000" },
        { "int256", (BigInteger.One << 255) - 1, "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
        { "int128", new BigInteger(-2), "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe" },
        { "int64", long.MinValue, "ffffffffffffffffffffffffffffffffffffffffffffffff8000000000000000" },
        { "uint256", (BigInteger.One << 256) - 1, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" },
        { "uint64", ulong.MaxValue, "000000000000000000000000000000000000000000000000ffffffffffffffff" },
        { "uint8", (byte)255, "00000000000000000000000000000000000000000000000000000000000000ff" },
        { "uint256", 0, "0000000000000000000000000000000000000000000000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Encode_IntegerEdge_IsTwosComplementAndDecodesBack(string typeName, object value, string expectedHex)
    {
        // Given an integer at the edge of its type
        var type = AbiType.Parse(typeName);

        // When encoded and decoded
        var encoded = AbiEncoder.Encode([type], [value]);
        var decoded = AbiDecoder.Decode([type], encoded);

        // Then the word is the two's complement, sign-extended, and decoding restores the value
        Assert.Equal(expectedHex, ToHex(encoded));
        DeepEqual(value, decoded[0]);
    }

    public static TheoryData<string, object, string> OutOfRange() => new()
    {
        { "int8", 128, "128 is out of range [-128, 127]" },
        { "int8", -129L, "-129 is out of range [-128, 127]" },
        { "uint8", 256, "256 is out of range [0, 255]" },
        { "uint8", -1, "-1 is out of range [0, 255]" },
        { "uint256", BigInteger.MinusOne, "-1 is out of range [0, 2^256-1]" },
        { "uint256", BigInteger.One << 256, "2^256 is out of range [0, 2^256-1]" },
        { "int256", BigInteger.One << 255, "2^255 is out of range [-2^255, 2^255-1]" },
        { "int64", ulong.MaxValue, "18446744073709551615 is out of range" },
        { "uint32", (ulong)uint.MaxValue + 1, "4294967296 is out of range" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Encode_OutOfRange_ThrowsNamingTheValue(string typeName, object value, string expectedMessagePart)
    {
        // Given a value outside its integer type
        var type = AbiType.Parse(typeName);

        // When encoded
        var e = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode([type], [value]));

        // Then the error names the argument, the type and the value
        Assert.Contains($"argument '#0' of {typeName}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expectedMessagePart, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_OutOfRangeDeepInAStruct_NamesThePath()
    {
        // Given place(Order[] orders) where Order is (address maker, uint128 amount) and orders[2].amount = 2^130
        var order = AbiType.Tuple([AbiType.Address, AbiType.UInt(128)], ["maker", "amount"]);
        var place = new AbiFunction("place", [new AbiParameter("orders", AbiType.DynamicArray(order))], []);
        var maker = ProtocolLab.Chain.Hex.Address.Zero;
        var orders = new object[]
        {
            new object[] { maker, 1 },
            (maker, 2),
            new object[] { maker, BigInteger.One << 130 },
        };

        // When encoded
        var e = Assert.Throws<AbiEncodingException>(() => place.EncodeCall((object)orders));

        // Then the message walks from the parameter to the offending member
        Assert.StartsWith("argument 'orders[2].amount' of uint128: 2^130 is out of range", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("address", "\"0x00\"", "expected Address, found String")]
    [InlineData("bool", "1", "expected bool, found Int32")]
    [InlineData("bytes4", "bytes3", "expected exactly 4 bytes, found 3")]
    [InlineData("uint256[2]", "list1", "expected 2 elements, found 1")]
    [InlineData("(uint256,bool)", "list1", "expected 2 tuple components, found 1")]
    [InlineData("string", "null", "expected string, found null")]
    [InlineData("uint256", "\"7\"", "expected an integer")]
    public void Encode_WrongShape_ThrowsWithTheExpectedShape(string typeName, string valueKind, string expected)
    {
        // Given a value of the wrong .NET shape for its type
        object? value = valueKind switch
        {
            "\"0x00\"" => "0x00",
            "\"7\"" => "7",
            "1" => 1,
            "bytes3" => new byte[3],
            "list1" => new object[] { 1 },
            _ => null,
        };

        // When encoded
        var e = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode([AbiType.Parse(typeName)], [value]));

        // Then the message says what was expected
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_WrongArgumentCount_Throws()
    {
        // Given two types and one value
        // When encoded, Then the count mismatch is reported
        var e = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode([AbiType.UInt256, AbiType.Bool], [1]));
        Assert.Contains("expected 2 argument(s) for (uint256,bool), found 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeCall_LoneArraySpreadByParams_ExplainsTheFix()
    {
        // Given f(uint256[]) called with an object[] that C# spreads into three arguments
        var f = AbiFunction.FromSignature("f(uint256[])");
        var values = new object[] { 1, 2, 3 };

        // When encoded
        var e = Assert.Throws<AbiEncodingException>(() => f.EncodeCall(values));

        // Then the message says how to pass it
        Assert.Contains("found 3; pass a lone array argument as (object)array", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_ValueTupleAndList_AreAcceptedAsTupleAndArray()
    {
        // Given a (uint8,string) tuple as a ValueTuple and a uint16[] as a List<int>
        var types = new[] { AbiType.Parse("(uint8,string)"), AbiType.Parse("uint16[]") };

        // When encoded
        var encoded = AbiEncoder.Encode(types, [(7, "x"), new List<int> { 1, 2 }]);

        // Then they encode like object arrays would
        Assert.Equal(AbiEncoder.Encode(types, [new object[] { 7, "x" }, new object[] { 1, 2 }]), encoded);
    }
}
