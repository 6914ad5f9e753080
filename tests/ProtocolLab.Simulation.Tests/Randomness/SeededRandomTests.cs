using ProtocolLab.Simulation.Randomness;

namespace ProtocolLab.Simulation.Tests.Randomness;

public class SeededRandomTests
{
    [Fact]
    public void ForStream_SameSeedRunAndName_ReplaysIdentically()
    {
        // Given two streams with the same identity
        var first = SeededRandom.ForStream(7, 3, "liquidator/fast");
        var second = SeededRandom.ForStream(7, 3, "liquidator/fast");

        // When both draw a thousand numbers
        var a = Enumerable.Range(0, 1000).Select(_ => first.NextUInt64()).ToArray();
        var b = Enumerable.Range(0, 1000).Select(_ => second.NextUInt64()).ToArray();

        // Then the sequences are identical
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(7, 3, "other-name")]
    [InlineData(7, 4, "liquidator/fast")]
    [InlineData(8, 3, "liquidator/fast")]
    public void ForStream_DifferentIdentity_GivesDifferentStream(ulong seed, int run, string name)
    {
        // Given a reference stream and one differing in exactly one identity component
        var reference = SeededRandom.ForStream(7, 3, "liquidator/fast");
        var other = SeededRandom.ForStream(seed, run, name);

        // When / Then their seeds and first outputs differ
        Assert.NotEqual(reference.StreamSeed, other.StreamSeed);
        Assert.NotEqual(reference.NextUInt64(), other.NextUInt64());
    }

    [Fact]
    public void Child_AfterParentDraws_IsUnaffectedByParentState()
    {
        // Given a parent stream, and a copy of it that has drawn numbers already
        var fresh = SeededRandom.ForStream(1, 0, "population");
        var used = SeededRandom.ForStream(1, 0, "population");
        for (var i = 0; i < 17; i++)
        {
            used.NextDouble();
        }

        // When each derives the child "borrower/5"
        var a = fresh.Child("borrower/5").NextUInt64();
        var b = used.Child("borrower/5").NextUInt64();

        // Then the child streams agree: children depend on identity, not on draw count
        Assert.Equal(a, b);
    }

    [Fact]
    public void NextDouble_ManyDraws_StaysInUnitIntervalWithMeanOneHalf()
    {
        // Given a stream
        var random = SeededRandom.FromSeed(123);

        // When 100,000 uniforms are drawn
        var draws = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToArray();

        // Then all are in [0, 1) and the mean is within 4 standard errors (sd 1/sqrt(12)) of 1/2
        Assert.All(draws, u => Assert.InRange(u, 0.0, 0.9999999999999999));
        Assert.InRange(draws.Average(), 0.5 - (4 * 0.2887 / Math.Sqrt(100_000)), 0.5 + (4 * 0.2887 / Math.Sqrt(100_000)));
    }

    [Fact]
    public void NextInt_Bound6_HitsEveryValueAboutEquallyOften()
    {
        // Given a stream and a die
        var random = SeededRandom.FromSeed(99);
        var counts = new int[6];

        // When 60,000 rolls are made
        for (var i = 0; i < 60_000; i++)
        {
            counts[random.NextInt(6)]++;
        }

        // Then each face appears 10,000 times within 5 binomial standard deviations (~91)
        Assert.All(counts, c => Assert.InRange(c, 10_000 - 460, 10_000 + 460));
    }

    [Fact]
    public void NextStandardNormal_ManyDraws_HasMeanZeroAndVarianceOne()
    {
        // Given a stream
        var random = SeededRandom.FromSeed(2024);
        const int n = 200_000;

        // When standard normals are drawn
        var draws = Enumerable.Range(0, n).Select(_ => random.NextStandardNormal()).ToArray();
        var mean = draws.Average();
        var variance = draws.Sum(x => (x - mean) * (x - mean)) / (n - 1);

        // Then mean is within 4 standard errors of 0, variance within 4 standard errors (sqrt(2/n)) of 1,
        // and about 95.45% of the draws lie within two standard deviations
        Assert.InRange(mean, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(variance, 1 - (4 * Math.Sqrt(2.0 / n)), 1 + (4 * Math.Sqrt(2.0 / n)));
        Assert.InRange(draws.Count(x => Math.Abs(x) < 2) / (double)n, 0.9545 - 0.002, 0.9545 + 0.002);
    }
}
