namespace ProtocolLab.Simulation.Paths;

/// <summary>
/// A fundamental price path over blocks 0..<see cref="Blocks"/>: block 0 is the initial price,
/// before anything happened. Prices are loan-asset units per collateral unit.
/// </summary>
public interface IPricePath
{
    /// <summary>The last block of the path.</summary>
    int Blocks { get; }

    /// <summary>The fundamental price at <paramref name="block"/> (0..Blocks).</summary>
    double PriceAt(int block);
}

/// <summary>A path whose prices were computed up front (random and replayed paths).</summary>
public sealed class SampledPricePath : IPricePath
{
    private readonly double[] _prices;

    public SampledPricePath(double[] prices)
    {
        if (prices.Length == 0)
        {
            throw new ArgumentException("A path needs at least the initial price.", nameof(prices));
        }

        _prices = prices;
    }

    public int Blocks => _prices.Length - 1;

    public double PriceAt(int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(block, Blocks);
        return _prices[block];
    }
}
