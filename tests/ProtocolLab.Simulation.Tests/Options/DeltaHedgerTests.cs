using System.Numerics;
using ProtocolLab.Simulation.Options;

namespace ProtocolLab.Simulation.Tests.Options;

public class DeltaHedgerTests
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);

    [Fact]
    public void BookDelta_ShortPuts_IsLongTheUnderlying()
    {
        // Given 100 short puts of delta -0.4
        // When the book's delta is taken (18-decimal underlying)
        var delta = DeltaHedger.BookDelta([(100 * Wad, -4 * Wad / 10)], 18);

        // Then the writer is long 40 units
        Assert.Equal(40 * Wad, delta);
    }

    [Fact]
    public void Trade_DeltaRisesAfterDrop_SellsTheDifference()
    {
        // Given a hedger that started holding 100 against a book delta of 40 (baseline exposure 140)
        var baseline = 140 * Wad;

        // When the drop lifts the book delta to 70 while it still holds 100
        var trade = DeltaHedger.Trade(baseline, 100 * Wad, 70 * Wad, BigInteger.Zero);

        // Then it sells 30
        Assert.Equal(-30 * Wad, trade);
    }

    [Fact]
    public void Trade_WithinBand_DoesNothing()
    {
        // Given a 5-unit band and a 3-unit gap
        // When it decides
        var trade = DeltaHedger.Trade(140 * Wad, 100 * Wad, 43 * Wad, 5 * Wad);

        // Then it waits
        Assert.Equal(BigInteger.Zero, trade);
    }
}
