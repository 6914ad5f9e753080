namespace ProtocolLab.Simulation.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014; reference C by Vigna). Used only to expand a
/// 64-bit seed into the 256-bit state of <see cref="Xoshiro256StarStar"/>, as its authors
/// recommend: consecutive outputs are well mixed even for seeds 0, 1, 2...
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
