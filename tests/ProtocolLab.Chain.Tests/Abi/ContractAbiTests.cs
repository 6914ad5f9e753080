using System.Numerics;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;
using static ProtocolLab.Chain.Tests.Abi.AbiAssert;

namespace ProtocolLab.Chain.Tests.Abi;

public class ContractAbiTests
{
    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    [Fact]
    public void Parse_HardhatJson_ReadsEveryEntryKind()
    {
        // Given the fixture ABI
        // When parsed
        var abi = LendingAbiFixture.Abi;

        // Then each kind of entry is there
        Assert.Equal(4, abi.Functions.Count);
        Assert.Equal(3, abi.Events.Count);
        Assert.Equal(2, abi.Errors.Count);
        Assert.Equal(["asset", "ltvBps"], abi.Constructor.Inputs.Select(p => p.Name));
        Assert.True(abi.HasFallback);
        Assert.True(abi.HasReceive);
    }

    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("approve(address,uint256)", "0x095ea7b3")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    public void FromSignature_WellKnownFunction_HasItsSelector(string signature, string selector)
    {
        // Given an ERC-20 function signature
        // When described
        var function = AbiFunction.FromSignature(signature);

        // Then its selector is the well-known one
        Assert.Equal(selector, function.SelectorHex);
    }

    [Fact]
    public void GetFunction_OverloadedName_NeedsASignature()
    {
        // Given deposit(uint256) and deposit(uint256,address)
        var abi = LendingAbiFixture.Abi;

        // When looked up by name, Then the ambiguity is reported with the candidates
        var e = Assert.Throws<KeyNotFoundException>(() => abi.GetFunction("deposit"));
        Assert.Contains("deposit(uint256), deposit(uint256,address)", e.Message, StringComparison.Ordinal);
        Assert.Equal("payable", abi.GetFunction("deposit(uint256,address)").StateMutability);
        Assert.Equal(2, abi.GetFunctionOverloads("deposit").Count);
        Assert.Equal("transfer", abi.GetFunction("transfer").Name);
    }

    [Fact]
    public void EncodeCall_ThenDecodeInput_RoundTrips()
    {
        // Given transfer from the ABI
        var transfer = LendingAbiFixture.Abi.GetFunction("transfer");

        // When a call is encoded, found by its selector and decoded
        var calldata = transfer.EncodeCall(Alice, BigInteger.Pow(10, 18));
        Assert.True(LendingAbiFixture.Abi.TryGetFunctionBySelector(calldata, out var found));
        var args = found.DecodeInput(calldata);

        // Then it is the same function and the same arguments
        Assert.Same(transfer, found);
        Assert.Equal(4 + 64, calldata.Length);
        DeepEqual(new object[] { Alice, BigInteger.Pow(10, 18) }, args);
    }

    [Fact]
    public void DecodeOutput_StructWithDynamicMember_ReturnsNestedArrays()
    {
        // Given position(address) returning (uint128 collateral, uint128 debt, string[] tags)
        var position = LendingAbiFixture.Abi.GetFunction("position");
        var returned = AbiEncoder.Encode(position.Outputs, [new object[] { 500, 20, new[] { "a", "bc" } }]);

        // When decoded
        var output = position.DecodeOutput(returned);

        // Then the struct comes back as an object array in component order
        Assert.True(position.IsReadOnly);
        Assert.Equal("(uint128,uint128,string[])", position.Outputs[0].Type.CanonicalName);
        DeepEqual(new object[] { new object[] { 500, 20, new[] { "a", "bc" } } }, output);
    }

    [Fact]
    public void Constructor_EncodeDeployment_AppendsArgumentsToBytecode()
    {
        // Given creation code and constructor arguments
        var constructor = LendingAbiFixture.Abi.Constructor;
        var bytecode = HexBytes("6080604052");

        // When the deployment data is built
        var data = constructor.EncodeDeployment(bytecode, Alice, 8000);

        // Then it is the bytecode followed by the encoded arguments
        Assert.Equal(bytecode, data[..5]);
        Assert.Equal(constructor.EncodeArguments(Alice, 8000), data[5..]);
        Assert.Equal("0000000000000000000000000000000000000000000000000000000000001f40", ToHex(data[^32..]));
    }

    [Fact]
    public void Parse_ArtifactObject_UsesItsAbiArray()
    {
        // Given a compiler artifact wrapping the ABI
        var artifact = "{\"contractName\":\"Lending\",\"abi\":" + LendingAbiFixture.Json + "}";

        // When parsed, Then the ABI inside is read
        Assert.Equal(4, ContractAbi.Parse(artifact).Functions.Count);
    }

    [Fact]
    public void Parse_NotAnArray_Throws()
    {
        // Given JSON that is no ABI, Then parsing fails clearly
        Assert.Throws<FormatException>(() => ContractAbi.Parse("{\"x\":1}"));
        Assert.Throws<FormatException>(() => ContractAbi.Parse("[{\"type\":\"function\",\"inputs\":[]}]"));
    }
}
