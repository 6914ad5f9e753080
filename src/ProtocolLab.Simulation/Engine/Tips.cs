using System.Numerics;
using ProtocolLab.Chain.Contracts;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// Priority fees. anvil orders a block by tip (--order fees) and a batch arrives concurrently, so
/// two equal tips would order at random: every sender gets a slot below 1e6 wei that no other
/// sender in the block has. Roles: the keeper goes first, then the simple arbitrageur, then
/// liquidators, competing arbitrageurs and liquidity providers by their bids, then borrowers, then
/// back-runners.
/// </summary>
public static class Tips
{
    private const long SlotSpace = 1_000_000;
    private static readonly BigInteger Gwei = 1_000_000_000;

    /// <summary>The highest bid that still lands after the keeper's update (its 1,000 gwei, one slot band lower).</summary>
    public static readonly BigInteger BelowKeeper = (1_000 * Gwei) - SlotSpace;

    public static TxOptions Keeper(ulong gas) => With(1_000 * Gwei, 0, gas);

    public static TxOptions Arbitrageur(ulong gas) => With(500 * Gwei, 1, gas);

    public static TxOptions Liquidator(BigInteger bidWei, int index, ulong gas) => With(bidWei, 10 + index, gas);

    public static TxOptions Borrower(int id, ulong gas) => With(Gwei, 1_000 + id, gas);

    public static TxOptions CompetingArbitrageur(double bidGwei, int index, ulong gas) =>
        With(new BigInteger(Math.Round(bidGwei * 1e9)), 600 + index, gas);

    /// <summary>Liquidity providers withdrawing or returning: by their bid, in a slot band of their own.</summary>
    public static TxOptions LiquidityProvider(double bidGwei, int index, ulong gas) =>
        With(new BigInteger(Math.Round(bidGwei * 1e9)), 700 + index, gas);

    /// <summary>Other users (the gas section's background demand), in a slot band of their own.</summary>
    public static TxOptions Background(double bidGwei, int sender, ulong gas) =>
        With(new BigInteger(Math.Round(bidGwei * 1e9)), 900_000 + sender, gas);

    /// <summary>Below every slot of every other sender (all tip at least <see cref="SlotSpace"/>): last in the block.</summary>
    public static TxOptions BackRunner(int index, ulong gas)
    {
        var tip = new BigInteger(SlotSpace - 1 - index);
        return new TxOptions { Gas = gas, MaxPriorityFeePerGas = tip, MaxFeePerGas = tip };
    }

    private static TxOptions With(BigInteger bid, long slot, ulong gas)
    {
        var tip = (BigInteger.Max(bid, SlotSpace) / SlotSpace * SlotSpace) + slot;
        return new TxOptions { Gas = gas, MaxPriorityFeePerGas = tip, MaxFeePerGas = tip };
    }
}
