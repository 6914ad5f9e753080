using System.Collections.Immutable;

namespace ProtocolLab.Simulation.Agents.Liquidation;

/// <summary>
/// What a liquidator remembers between blocks: since which block it has seen each position
/// liquidatable. Immutable: <see cref="Observe"/> returns the next state. A position that
/// recovers (health factor back at or above 1) is forgotten, so its delay starts over.
/// </summary>
public sealed class LiquidationWatch
{
    private readonly ImmutableDictionary<int, int> _firstSeen;

    private LiquidationWatch(ImmutableDictionary<int, int> firstSeen) => _firstSeen = firstSeen;

    public static LiquidationWatch Empty { get; } = new(ImmutableDictionary<int, int>.Empty);

    public LiquidationWatch Observe(int block, IEnumerable<PositionSnapshot> positions)
    {
        var next = ImmutableDictionary.CreateBuilder<int, int>();
        foreach (var position in positions)
        {
            if (position.IsLiquidatable)
            {
                next[position.Id] = _firstSeen.TryGetValue(position.Id, out var since) ? since : block;
            }
        }

        return new LiquidationWatch(next.ToImmutable());
    }

    /// <summary>The block the position was first seen liquidatable in its current episode, if it is.</summary>
    public int? FirstSeen(int positionId) => _firstSeen.TryGetValue(positionId, out var block) ? block : null;

    /// <summary>True when the position has been seen liquidatable for at least <paramref name="delayBlocks"/> blocks.</summary>
    public bool IsRipe(int positionId, int block, int delayBlocks) =>
        FirstSeen(positionId) is { } since && block - since >= delayBlocks;
}
