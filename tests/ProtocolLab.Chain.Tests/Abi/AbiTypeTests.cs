using System.Text.Json;
using ProtocolLab.Chain.Abi;

namespace ProtocolLab.Chain.Tests.Abi;

public class AbiTypeTests
{
    [Theory]
    [InlineData("uint", "uint256", false, 32)]
    [InlineData("int", "int256", false, 32)]
    [InlineData("uint8", "uint8", false, 32)]
    [InlineData("int136", "int136", false, 32)]
    [InlineData("bytes1", "bytes1", false, 32)]
    [InlineData("bytes32", "bytes32", false, 32)]
    [InlineData("bytes", "bytes", true, 32)]
    [InlineData("string", "string", true, 32)]
    [InlineData("address[3]", "address[3]", false, 96)]
    [InlineData("uint[]", "uint256[]", true, 32)]
    [InlineData("string[2]", "string[2]", true, 32)]
    [InlineData("(uint256,bool)", "(uint256,bool)", false, 64)]
    [InlineData("(uint256,bool)[2][3]", "(uint256,bool)[2][3]", false, 384)]
    [InlineData("(uint,address[])[]", "(uint256,address[])[]", true, 32)]
    [InlineData("((int8,bytes),uint)[4]", "((int8,bytes),uint256)[4]", true, 32)]
    [InlineData("()", "()", false, 0)]
    public void Parse_CanonicalOrAlias_KnowsNameDynamismAndHeadSize(string text, string canonical, bool dynamic, int headSize)
    {
        // Given a type string, possibly with the uint/int aliases
        // When parsed
        var type = AbiType.Parse(text);

        // Then it has the canonical name, dynamism and head size of the specification
        Assert.Equal(canonical, type.CanonicalName);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
    }

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("int0")]
    [InlineData("uint08")]
    [InlineData("bytes0")]
    [InlineData("bytes33")]
    [InlineData("fixed128x18")]
    [InlineData("address[")]
    [InlineData("address[x]")]
    [InlineData("(uint256,bool")]
    [InlineData("(uint256;bool)")]
    [InlineData("uint256 ")]
    [InlineData("")]
    public void Parse_Invalid_ThrowsFormatException(string text)
    {
        // Given a string that is not an ABI type this codec supports
        // When parsed, Then it fails naming the input
        var e = Assert.Throws<FormatException>(() => AbiType.Parse(text));
        Assert.Contains($"\"{text}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_TupleArrayWithComponents_KeepsComponentNames()
    {
        // Given a JSON parameter "tuple[]" whose components include a nested tuple
        using var doc = JsonDocument.Parse("""
            {"name":"orders","type":"tuple[]","components":[
              {"name":"maker","type":"address"},
              {"name":"amount","type":"uint128"},
              {"name":"legs","type":"tuple[2]","components":[{"name":"id","type":"uint32"},{"name":"memo","type":"string"}]}
            ]}
            """);

        // When read
        var type = AbiType.FromJson(doc.RootElement);

        // Then the structure, names and canonical form are right
        Assert.Equal(AbiTypeKind.DynamicArray, type.Kind);
        var order = type.ElementType!;
        Assert.Equal(["maker", "amount", "legs"], order.ComponentNames);
        Assert.Equal("(address,uint128,(uint32,string)[2])[]", type.CanonicalName);
        Assert.Equal(["id", "memo"], order.Components[2].ElementType!.ComponentNames);
    }

    [Fact]
    public void Equals_SameCanonicalName_IgnoresComponentNames()
    {
        // Given the same tuple with and without component names
        var named = AbiType.Tuple([AbiType.UInt256, AbiType.Address], ["a", "b"]);
        var unnamed = AbiType.Parse("(uint,address)");

        // Then they are the same type
        Assert.Equal(unnamed, named);
        Assert.Equal(unnamed.GetHashCode(), named.GetHashCode());
        Assert.NotEqual(AbiType.Parse("(uint256,address)[]"), named);
    }

    [Fact]
    public void Factories_OutOfRangeSizes_Throw()
    {
        // Given sizes outside what the ABI allows
        // Then the factories refuse them
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.UInt(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.Int(264));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.FixedBytes(33));
        Assert.Throws<ArgumentOutOfRangeException>(() => AbiType.FixedArray(AbiType.Bool, -1));
        Assert.Same(AbiType.UInt(256), AbiType.UInt256);
    }
}
