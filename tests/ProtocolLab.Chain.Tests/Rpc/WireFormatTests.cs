using System.Buffers;
using System.Text;
using System.Text.Json;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Chain.Tests.Rpc;

public class WireFormatTests
{
    private static readonly Address Alice = Address.Parse("0x00000000000000000000000000000000000000a1");
    private static readonly Address Bob = Address.Parse("0x00000000000000000000000000000000000000b0");

    private static string Write(IJsonRpcWritable value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            value.WriteJson(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void TransactionRequest_OnlyFrom_WritesOnlyFrom()
    {
        Assert.Equal("""{"from":"0x00000000000000000000000000000000000000a1"}""", Write(new TransactionRequest(Alice)));
    }

    [Fact]
    public void TransactionRequest_AllMembers_WritesHexQuantities()
    {
        var tx = new TransactionRequest(Alice)
        {
            To = Bob,
            Data = [0x12, 0x34],
            Value = 1_000_000_000_000_000_000,
            Gas = 21_000,
            MaxFeePerGas = 2_000_000_000,
            MaxPriorityFeePerGas = 0,
            Nonce = 7,
        };

        Assert.Equal(
            """{"from":"0x00000000000000000000000000000000000000a1","to":"0x00000000000000000000000000000000000000b0","data":"0x1234","value":"0xde0b6b3a7640000","gas":"0x5208","maxFeePerGas":"0x77359400","maxPriorityFeePerGas":"0x0","nonce":"0x7"}""",
            Write(tx));
    }

    [Fact]
    public void LogFilter_AddressesTopicsAndRange_WritesFilterObject()
    {
        var filter = new LogFilter
        {
            Addresses = [Alice],
            Topics = [[new byte[] { 0xaa }], null],
            FromBlock = BlockTag.At(1),
            ToBlock = BlockTag.Latest,
        };

        Assert.Equal(
            """{"fromBlock":"0x1","toBlock":"latest","address":["0x00000000000000000000000000000000000000a1"],"topics":[["0xaa"],null]}""",
            Write(filter));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("pending")]
    [InlineData("0x10")]
    public void BlockTag_ToString_IsWireForm(string expected)
    {
        var tag = expected switch
        {
            "latest" => default,
            "pending" => BlockTag.Pending,
            _ => BlockTag.At(16),
        };

        Assert.Equal(expected, tag.ToString());
    }

    [Fact]
    public void BlockTag_AtZero_IsBlockZeroNotLatest()
    {
        Assert.Equal("0x0", BlockTag.At(0).ToString());
        Assert.NotEqual(BlockTag.Latest, BlockTag.At(0));
    }
}
