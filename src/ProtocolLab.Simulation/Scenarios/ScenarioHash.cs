using System.Security.Cryptography;

namespace ProtocolLab.Simulation.Scenarios;

/// <summary>
/// The scenario hash printed on reproducibility lines: lowercase hex SHA-256 of the canonical
/// scenario bytes, followed by the canonical bytes of each file it reads (a csv price path, imported positions).
/// Canonical = UTF-8 without a byte-order mark, line endings normalized to LF, so a checkout
/// on Windows hashes the same as one on Linux.
/// </summary>
public static class ScenarioHash
{
    public static string Compute(byte[] scenarioBytes, params byte[]?[] files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Canonicalize(scenarioBytes));
        foreach (var file in files)
        {
            if (file is not null)
            {
                sha.AppendData(Canonicalize(file));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static byte[] Canonicalize(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var result = new List<byte>(bytes.Length);
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
            {
                continue;
            }

            result.Add(bytes[i]);
        }

        return [.. result];
    }
}
