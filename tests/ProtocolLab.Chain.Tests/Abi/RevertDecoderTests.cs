using System.Numerics;
using ProtocolLab.Chain.Abi;
using static ProtocolLab.Chain.Tests.Abi.AbiAssert;

namespace ProtocolLab.Chain.Tests.Abi;

public class RevertDecoderTests
{
    [Fact]
    public void Decode_ErrorString_ReturnsTheMessage()
    {
        // Given the revert data of require(false, "Not enough Ether provided.")
        var data = HexBytes("""
            08c379a0
            0000000000000000000000000000000000000000000000000000000000000020
            000000000000000000000000000000000000000000000000000000000000001a
            4e6f7420656e6f7567682045746865722070726f76696465642e000000000000
            """);

        // When decoded
        var reason = RevertDecoder.Decode(data);

        // Then it is an Error(string) with the message
        Assert.Equal("0x08c379a0", AbiError.ErrorString.SelectorHex);
        var error = Assert.IsType<RevertReason.ErrorMessage>(reason);
        Assert.Equal(RevertKind.Error, reason.Kind);
        Assert.Equal("Not enough Ether provided.", error.Message);
        Assert.Equal("Error(\"Not enough Ether provided.\")", reason.ToString());
    }

    [Theory]
    [InlineData(0x01, "assertion failed", "Panic(0x01: assertion failed)")]
    [InlineData(0x11, "arithmetic overflow or underflow", "Panic(0x11: arithmetic overflow or underflow)")]
    [InlineData(0x12, "division or modulo by zero", "Panic(0x12: division or modulo by zero)")]
    [InlineData(0x32, "array index out of bounds", "Panic(0x32: array index out of bounds)")]
    [InlineData(0x99, "unknown panic code", "Panic(0x99: unknown panic code)")]
    public void Decode_Panic_GivesCodeAndMeaning(int code, string meaning, string text)
    {
        // Given Panic(uint256) revert data
        var data = AbiError.Panic.Encode(code);

        // When decoded
        var reason = RevertDecoder.Decode(data);

        // Then the code and what it means are reported
        Assert.Equal("4e487b71", ToHex(data[..4]));
        var panic = Assert.IsType<RevertReason.Panic>(reason);
        Assert.Equal(new BigInteger(code), panic.Code);
        Assert.Equal(meaning, panic.Meaning);
        Assert.Equal(text, reason.ToString());
    }

    [Fact]
    public void Decode_CustomErrorFromTheAbi_NamesItsArguments()
    {
        // Given InsufficientCollateral(100, 50) from the ABI
        var abi = LendingAbiFixture.Abi;
        var data = abi.GetError("InsufficientCollateral").Encode(100, 50);

        // When decoded with that ABI
        var reason = RevertDecoder.Decode(data, abi);

        // Then the error and its arguments are known by name
        var custom = Assert.IsType<RevertReason.CustomError>(reason);
        Assert.Equal("InsufficientCollateral", custom.Name);
        Assert.Equal(new BigInteger(50), custom.Get<BigInteger>("available"));
        Assert.Equal("InsufficientCollateral(required=100, available=50)", reason.ToString());
        Assert.Equal(data, reason.Data);
    }

    [Fact]
    public void Decode_ErrorFromAnotherContract_IsFoundInAMergedRegistry()
    {
        // Given an oracle's error bubbling up through a call to the lending contract
        var oracle = ContractAbi.Parse("""[{"type":"error","name":"StalePrice","inputs":[{"name":"updatedAt","type":"uint64"}]}]""");
        var data = oracle.GetError("StalePrice").Encode(1_700_000_000UL);
        var registry = new AbiErrorRegistry(LendingAbiFixture.Abi, oracle);

        // When decoded with only the lending ABI, and with the registry
        var withOne = RevertDecoder.Decode(data, LendingAbiFixture.Abi);
        var withBoth = RevertDecoder.Decode(data, registry);

        // Then only the registry knows the error
        Assert.Equal(RevertKind.Unknown, withOne.Kind);
        Assert.Equal("StalePrice(updatedAt=1700000000)", withBoth.ToString());
        Assert.Equal(3, registry.Count);
    }

    [Fact]
    public void Decode_ErrorWithoutArguments_PrintsEmptyParentheses()
    {
        // Given Paused()
        var data = LendingAbiFixture.Abi.GetError("Paused").Encode();

        // When decoded, Then it prints as a call
        Assert.Equal(4, data.Length);
        Assert.Equal("Paused()", RevertDecoder.Decode(data, LendingAbiFixture.Abi).ToString());
    }

    [Fact]
    public void Decode_EmptyData_IsEmpty()
    {
        // Given a bare revert()
        // When decoded, Then it is Empty
        Assert.IsType<RevertReason.Empty>(RevertDecoder.Decode([]));
    }

    [Theory]
    [InlineData("deadbeef")]
    [InlineData("dead")]
    [InlineData("08c379a0")]
    [InlineData("4e487b710000")]
    public void Decode_UnknownOrMalformed_IsUnknownWithTheRawBytes(string hex)
    {
        // Given data that is no known error, or an Error/Panic payload cut short
        var data = HexBytes(hex);

        // When decoded
        var reason = RevertDecoder.Decode(data, LendingAbiFixture.Abi);

        // Then the raw data is kept
        var unknown = Assert.IsType<RevertReason.Unknown>(reason);
        Assert.Equal(data, unknown.Data);
        Assert.StartsWith($"unknown revert data 0x{hex}", reason.ToString(), StringComparison.Ordinal);
    }
}
