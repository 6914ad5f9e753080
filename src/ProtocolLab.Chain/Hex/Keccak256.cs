using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace ProtocolLab.Chain.Hex;

/// <summary>Ethereum's Keccak-256 (the original Keccak padding, not NIST SHA3-256).</summary>
public static class Keccak256
{
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        // BouncyCastle 1.8 has no span overload; a copy of the input is cheap next to the permutation.
        var input = data.ToArray();
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] Hash(string utf8) => Hash(Encoding.UTF8.GetBytes(utf8));
}
