using System.Security.Cryptography;
using System.Text;

namespace ProtocolLab.Simulation.Randomness;

/// <summary>
/// The only source of randomness in the simulation. Every consumer (a price path, the
/// borrower population, one agent) gets its own stream derived from (scenario seed, run
/// index, stream name), so adding a draw in one agent never shifts the numbers another
/// agent sees, and two designs compared on the same run see the same market.
/// </summary>
public sealed class SeededRandom
{
    private readonly Xoshiro256StarStar _generator;
    private double? _spareNormal;

    private SeededRandom(ulong streamSeed)
    {
        StreamSeed = streamSeed;
        _generator = new Xoshiro256StarStar(streamSeed);
    }

    /// <summary>The 64-bit seed this stream was started from (for reproducibility lines).</summary>
    public ulong StreamSeed { get; }

    /// <summary>A stream seeded directly; prefer <see cref="ForStream"/> in simulation code.</summary>
    public static SeededRandom FromSeed(ulong seed) => new(seed);

    /// <summary>
    /// The stream named <paramref name="streamName"/> of run <paramref name="runIndex"/>.
    /// Seed = first 8 bytes (little endian) of SHA-256("protocollab/v1" | seed | run | name).
    /// </summary>
    public static SeededRandom ForStream(ulong scenarioSeed, int runIndex, string streamName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(runIndex);
        return new SeededRandom(DeriveSeed(scenarioSeed, runIndex, streamName));
    }

    /// <summary>
    /// An independent child stream (e.g. one per agent). It depends only on this stream's
    /// seed and the name, never on how many numbers were drawn from this stream so far.
    /// </summary>
    public SeededRandom Child(string name) => new(DeriveSeed(StreamSeed, 0, name));

    public ulong NextUInt64() => _generator.NextUInt64();

    /// <summary>Uniform on [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble()
    {
        while (true)
        {
            var u = NextDouble();
            if (u > 0)
            {
                return u;
            }
        }
    }

    /// <summary>Uniform integer on [0, maxExclusive), unbiased (rejection sampling).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var limit = ulong.MaxValue - (ulong.MaxValue % bound);
        while (true)
        {
            var x = NextUInt64();
            if (x < limit)
            {
                return (int)(x % bound);
            }
        }
    }

    /// <summary>Standard normal variate, Box-Muller transform; the pair's second value is kept for the next call.</summary>
    public double NextStandardNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(NextOpenDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        _spareNormal = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    private static ulong DeriveSeed(ulong parentSeed, int runIndex, string streamName)
    {
        ArgumentNullException.ThrowIfNull(streamName);
        var prefix = "protocollab/v1"u8;
        var name = Encoding.UTF8.GetBytes(streamName);
        var buffer = new byte[prefix.Length + 8 + 4 + name.Length];
        prefix.CopyTo(buffer);
        BitConverter.TryWriteBytes(buffer.AsSpan(prefix.Length, 8), parentSeed);
        BitConverter.TryWriteBytes(buffer.AsSpan(prefix.Length + 8, 4), runIndex);
        name.CopyTo(buffer.AsSpan(prefix.Length + 12));
        if (!BitConverter.IsLittleEndian)
        {
            buffer.AsSpan(prefix.Length, 8).Reverse();
            buffer.AsSpan(prefix.Length + 8, 4).Reverse();
        }

        var hash = SHA256.HashData(buffer);
        return BitConverter.ToUInt64(BitConverter.IsLittleEndian ? hash : hash[..8].Reverse().ToArray());
    }
}
