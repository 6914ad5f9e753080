using ProtocolLab.Simulation.Paths;

namespace ProtocolLab.Simulation.Tests.Paths;

public class CsvReplayPathTests
{
    private static readonly CsvPriceSeries Minutes = new([1000, 1060, 1120], [200, 190, 170]);

    [Fact]
    public void Generate_BlocksOnRowTimestamps_ReplayPricesExactly()
    {
        // Given one-minute rows and one-minute blocks, initial price equal to the first row
        // When replayed
        var path = CsvReplayPath.Generate(Minutes, 200, 2, 60);

        // Then block prices are the CSV prices
        Assert.Equal([200.0, 190.0, 170.0], Enumerable.Range(0, 3).Select(path.PriceAt));
    }

    [Fact]
    public void Generate_BlocksBetweenRows_InterpolateAndHoldAfterEnd()
    {
        // Given 12-second blocks over two minutes and beyond
        // When replayed
        var path = CsvReplayPath.Generate(Minutes, 200, 15, 12);

        // Then block 1 (t = 1012) is 1/5 of the way to 190, block 10 is the last row, after it flat
        Assert.Equal(198, path.PriceAt(1), 9);
        Assert.Equal(182, path.PriceAt(7), 9);  // t = 1084: 190 + 24/60 x (170 - 190)
        Assert.Equal(170, path.PriceAt(10), 9);
        Assert.Equal(170, path.PriceAt(15), 9);
    }

    [Fact]
    public void Generate_OtherInitialPrice_RescalesTheShape()
    {
        // Given the same CSV replayed on a market starting at 2000
        // When replayed
        var path = CsvReplayPath.Generate(Minutes, 2000, 2, 60);

        // Then the relative moves are kept
        Assert.Equal([2000.0, 1900.0, 1700.0], Enumerable.Range(0, 3).Select(b => Math.Round(path.PriceAt(b), 9)));
    }
}
