using ProtocolLab.Chain.Abi;
using static ProtocolLab.Chain.Tests.Abi.AbiAssert;

namespace ProtocolLab.Chain.Tests.Abi;

public class AbiRoundTripTests
{
    [Fact]
    public void EncodeThenDecode_RandomNestedTypes_RestoresTheValues()
    {
        // Given 500 random argument lists of nested types (depth <= 3) with random values, from a fixed seed
        var random = new Random(20240607);
        var generator = new RandomAbi(random);
        var dynamicCases = 0;
        for (var c = 0; c < 500; c++)
        {
            var types = new AbiType[random.Next(1, 5)];
            var values = new object?[types.Length];
            for (var i = 0; i < types.Length; i++)
            {
                types[i] = generator.NextType();
                values[i] = generator.NextValue(types[i]);
            }
            var what = $"case {c}: {AbiType.TupleName(types)}";

            // When encoded and decoded
            var encoded = AbiEncoder.Encode(types, values);
            var decoded = AbiDecoder.Decode(types, encoded);

            // Then the values come back, the encoding is word-aligned and re-encoding is byte-identical
            Assert.True(DeepEquals(values, decoded, what, out var difference), difference);
            Assert.Equal(0, encoded.Length % 32);
            Assert.Equal(encoded, AbiEncoder.Encode(types, decoded));
            if (Array.Exists(types, t => t.IsDynamic))
                dynamicCases++;
            else
                Assert.Equal(types.Sum(t => t.HeadSize), encoded.Length);
        }
        Assert.InRange(dynamicCases, 100, 450);
    }

    [Fact]
    public void Decode_RandomTruncations_FailCleanly()
    {
        // Given encodings of random types cut short at random points
        var random = new Random(7);
        var generator = new RandomAbi(random);
        for (var c = 0; c < 300; c++)
        {
            var type = generator.NextType();
            var encoded = AbiEncoder.Encode([type], [generator.NextValue(type)]);
            if (encoded.Length == 0)
                continue;
            var cut = encoded[..random.Next(0, encoded.Length)];

            // When decoded
            var error = Record.Exception(() => AbiDecoder.Decode([type], cut));

            // Then it either decodes (the cut only removed padding) or throws AbiDecodingException, never anything else
            Assert.True(error is null or AbiDecodingException, $"case {c} {type}: {error}");
        }
    }

    [Fact]
    public void Encode_HandBuiltNestedStruct_MatchesAnIndependentEncoder()
    {
        // Given (uint256 id, (bool ok, string memo)[] legs, int8 delta, bytes2[2] tag); the expected words come
        // from micro-eth-signer 0.19, an independent implementation
        var leg = AbiType.Tuple([AbiType.Bool, AbiType.String], ["ok", "memo"]);
        AbiType[] types = [AbiType.UInt256, AbiType.DynamicArray(leg), AbiType.Int(8), AbiType.Parse("bytes2[2]")];
        object?[] values =
        [
            7,
            new object[] { new object[] { true, "hi" }, new object[] { false, "" } },
            -3,
            new object[] { new byte[] { 0xab, 0xcd }, new byte[] { 1, 2 } },
        ];

        // When encoded
        var encoded = AbiEncoder.Encode(types, values);

        // Then every word matches
        Assert.Equal(
            HexBytes("""
                0000000000000000000000000000000000000000000000000000000000000007
                00000000000000000000000000000000000000000000000000000000000000a0
                fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd
                abcd000000000000000000000000000000000000000000000000000000000000
                0102000000000000000000000000000000000000000000000000000000000000
                0000000000000000000000000000000000000000000000000000000000000002
                0000000000000000000000000000000000000000000000000000000000000040
                00000000000000000000000000000000000000000000000000000000000000c0
                0000000000000000000000000000000000000000000000000000000000000001
                0000000000000000000000000000000000000000000000000000000000000040
                0000000000000000000000000000000000000000000000000000000000000002
                6869000000000000000000000000000000000000000000000000000000000000
                0000000000000000000000000000000000000000000000000000000000000000
                0000000000000000000000000000000000000000000000000000000000000040
                0000000000000000000000000000000000000000000000000000000000000000
                """),
            encoded);
        DeepEqual(values, AbiDecoder.Decode(types, encoded));
    }
}
