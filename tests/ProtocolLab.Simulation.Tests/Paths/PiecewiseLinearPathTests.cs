using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Paths;

public class PiecewiseLinearPathTests
{
    private static readonly PathPoint[] TwoLegs = [new(10, 1.0), new(20, 0.8), new(30, 0.8), new(40, 0.5)];

    [Theory]
    [InlineData(0, 200.0)]   // before the first point: flat at its multiplier
    [InlineData(10, 200.0)]  // on a point
    [InlineData(15, 180.0)]  // halfway down the first leg: 200 x 0.9
    [InlineData(25, 160.0)]  // on the plateau
    [InlineData(34, 136.0)]  // 4/10 of the way from 0.8 to 0.5: 0.68
    [InlineData(40, 100.0)]
    [InlineData(50, 100.0)]  // after the last point: flat
    public void PriceAt_Block_InterpolatesLinearlyBetweenPoints(int block, double expected)
    {
        // Given two legs down from 200
        var path = new PiecewiseLinearPath(200, 50, TwoLegs);

        // When the price is read
        var price = path.PriceAt(block);

        // Then it is on the straight line between the neighbouring points
        Assert.Equal(expected, price, 9);
    }

    [Fact]
    public void Constructor_BlocksNotIncreasing_Throws()
    {
        // Given points whose blocks repeat
        PathPoint[] points = [new(0, 1), new(5, 0.9), new(5, 0.8)];

        // When / Then the path refuses them
        Assert.Throws<ArgumentException>(() => new PiecewiseLinearPath(100, 10, points));
    }
}
