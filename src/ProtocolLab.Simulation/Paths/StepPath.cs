namespace ProtocolLab.Simulation.Paths;

/// <summary>The initial price until <paramref name="atBlock"/>, then initial x (1 - drop) for good.</summary>
public sealed class StepPath(double initialPrice, int blocks, int atBlock, double drop) : IPricePath
{
    public int Blocks { get; } = blocks;

    public double PriceAt(int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(block, Blocks);
        return block < atBlock ? initialPrice : initialPrice * (1 - drop);
    }
}
