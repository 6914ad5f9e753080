using System.Numerics;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;
using static ProtocolLab.Chain.Tests.Abi.AbiAssert;

namespace ProtocolLab.Chain.Tests.Abi;

public class AbiEventTests
{
    private static readonly Address Alice = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    private static readonly Address Bob = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

    private static byte[] Topic(Address a) => AbiEncoder.Encode([AbiType.Address], [a]);

    [Fact]
    public void Topic0_Transfer_IsKeccakOfTheSignature()
    {
        // Given the ERC-20 Transfer event from the ABI
        var transfer = LendingAbiFixture.Abi.GetEvent("Transfer");

        // Then topic0 is the well-known hash
        Assert.Equal("Transfer(address,address,uint256)", transfer.Signature);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", transfer.Topic0Hex);
    }

    [Fact]
    public void TryDecodeLog_Transfer_ReadsIndexedFromTopicsAndTheRestFromData()
    {
        // Given a Transfer log of 1000 from Alice to Bob
        var transfer = LendingAbiFixture.Abi.GetEvent("Transfer");
        byte[][] topics = [transfer.Topic0.ToArray(), Topic(Alice), Topic(Bob)];
        var data = AbiEncoder.Encode([AbiType.UInt256], [1000]);

        // When decoded by topic0
        Assert.True(LendingAbiFixture.Abi.TryDecodeLog(topics, data, out var evt));

        // Then values are in declaration order and reachable by name
        Assert.Equal("Transfer", evt.Name);
        Assert.Equal(Alice, evt.Get<Address>("from"));
        Assert.Equal(Bob, evt["to"]);
        Assert.Equal(new BigInteger(1000), evt.Get<BigInteger>("value"));
        Assert.Equal($"Transfer(from={Alice}, to={Bob}, value=1000)", evt.ToString());
    }

    [Fact]
    public void Decode_IndexedString_ReturnsItsKeccakHash()
    {
        // Given Repay(address indexed user, string indexed memo, uint256 repaid, string note)
        var repay = LendingAbiFixture.Abi.GetEvent("Repay");
        var memoHash = Keccak256.Hash("loan #7");
        byte[][] topics = [repay.Topic0.ToArray(), Topic(Alice), memoHash];
        var data = AbiEncoder.Encode([AbiType.UInt256, AbiType.String], [250, "thanks"]);

        // When decoded
        var evt = repay.Decode(topics, data);

        // Then the indexed string is only its hash; the rest is decoded
        Assert.Equal(memoHash, evt.Get<byte[]>("memo"));
        Assert.Equal(new BigInteger(250), evt.Get<BigInteger>("repaid"));
        Assert.Equal("thanks", evt.Get<string>("note"));
        DeepEqual(new object[] { Alice, memoHash, 250, "thanks" }, evt.Values);
    }

    [Fact]
    public void Decode_AnonymousEventNamedByTheCaller_HasNoTopic0()
    {
        // Given anonymous Ping(int32 indexed id, bool ok) with id = -5
        var ping = LendingAbiFixture.Abi.GetEvent("Ping");
        byte[][] topics = [AbiEncoder.Encode([AbiType.Int(32)], [-5])];
        var data = AbiEncoder.Encode([AbiType.Bool], [true]);

        // When decoded as Ping
        var evt = ping.Decode(topics, data);

        // Then the first topic is the first indexed value, sign-extended
        Assert.True(ping.Anonymous);
        Assert.Equal(new BigInteger(-5), evt.Get<BigInteger>("id"));
        Assert.True(evt.Get<bool>("ok"));
        Assert.False(LendingAbiFixture.Abi.TryGetEventByTopic(topics[0], out _));
    }

    [Fact]
    public void Decode_WrongTopic0_Throws()
    {
        // Given a log whose topic0 is another event's
        var transfer = LendingAbiFixture.Abi.GetEvent("Transfer");
        byte[][] topics = [Keccak256.Hash("Approval(address,address,uint256)"), Topic(Alice), Topic(Bob)];

        // When decoded as Transfer, Then it is refused
        var e = Assert.Throws<AbiDecodingException>(() => transfer.Decode(topics, new byte[32]));
        Assert.Contains("not 0xddf252ad", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Erc721StyleTransferWithThreeIndexed_ThrowsOnTopicCount()
    {
        // Given an ERC-721 Transfer log (same topic0, tokenId indexed too) decoded with the ERC-20 event
        var transfer = LendingAbiFixture.Abi.GetEvent("Transfer");
        byte[][] topics = [transfer.Topic0.ToArray(), Topic(Alice), Topic(Bob), new byte[32]];

        // When decoded, Then the indexed count mismatch is reported
        var e = Assert.Throws<AbiDecodingException>(() => transfer.Decode(topics, []));
        Assert.Contains("has 2 indexed parameter(s) but the log has 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DirtyAddressTopic_Throws()
    {
        // Given a 'from' topic with a bit set above the 160 address bits
        var transfer = LendingAbiFixture.Abi.GetEvent("Transfer");
        var dirty = Topic(Alice);
        dirty[0] = 1;

        // When decoded, Then the topic is named
        var e = Assert.Throws<AbiDecodingException>(() =>
            transfer.Decode([transfer.Topic0.ToArray(), dirty, Topic(Bob)], new byte[32]));
        Assert.Contains("topic 1 'from' of address", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownNameOrWrongType_Throws()
    {
        // Given a decoded Transfer
        var transfer = LendingAbiFixture.Abi.GetEvent("Transfer");
        var evt = transfer.Decode([transfer.Topic0.ToArray(), Topic(Alice), Topic(Bob)], new byte[32]);

        // Then unknown names and wrong types are errors, TryGet is not
        Assert.Throws<KeyNotFoundException>(() => evt.Get<BigInteger>("amount"));
        Assert.Throws<InvalidCastException>(() => evt.Get<string>("value"));
        Assert.False(evt.TryGet("amount", out _));
    }
}
