using System.Numerics;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>A liquidator's seized-collateral inventory at the start of a block.</summary>
public sealed record Inventory(BigInteger Collateral, int LastAcquiredBlock);

/// <summary>How much seized collateral a liquidator sells into the pair in a block.</summary>
public interface ISellStrategy
{
    BigInteger AmountToSell(Inventory inventory, int block);
}

/// <summary>Sells the whole inventory at once: the cliff-maker.</summary>
public sealed class DumpStrategy : ISellStrategy
{
    public BigInteger AmountToSell(Inventory inventory, int block) => inventory.Collateral;
}

/// <summary>Never sells: a backstop pool that absorbs collateral.</summary>
public sealed class HoldStrategy : ISellStrategy
{
    public BigInteger AmountToSell(Inventory inventory, int block) => BigInteger.Zero;
}

/// <summary>
/// Spreads sales over <see cref="Blocks"/> blocks counted from the last acquisition: with r
/// blocks of the window left (including this one), sells ceil(inventory / r). A new seizure
/// restarts the window for the whole inventory.
/// </summary>
public sealed class TwapStrategy(int blocks) : ISellStrategy
{
    public int Blocks { get; } = blocks >= 1 ? blocks : throw new ArgumentOutOfRangeException(nameof(blocks));

    public BigInteger AmountToSell(Inventory inventory, int block)
    {
        if (inventory.Collateral.Sign <= 0)
        {
            return BigInteger.Zero;
        }

        var remaining = Math.Max(1, inventory.LastAcquiredBlock + Blocks - block);
        return (inventory.Collateral + remaining - 1) / remaining;
    }
}

public static class SellStrategies
{
    public static ISellStrategy FromSpec(SellStrategySpec spec) => spec switch
    {
        HoldSellSpec => new HoldStrategy(),
        TwapSellSpec twap => new TwapStrategy(twap.Blocks),
        _ => new DumpStrategy(),
    };
}
