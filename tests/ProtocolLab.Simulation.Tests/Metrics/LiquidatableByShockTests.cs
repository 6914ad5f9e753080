using ProtocolLab.Simulation.Metrics;

namespace ProtocolLab.Simulation.Tests.Metrics;

public class LiquidatableByShockTests
{
    [Fact]
    public void Of_ThreePositions_CountsDebtBelowHealthOneAfterEachShock()
    {
        // Given health factors 1.02, 1.25 and 2 with debts 100, 300 and 600 (a position without debt aside)
        (double, double)[] positions = [(1.02, 100), (1.25, 300), (2.0, 600), (double.PositiveInfinity, 0)];

        // When the curve is computed
        var curve = LiquidatableByShock.Of(positions);

        // Then a 3% shock hits the first (1.02 x 0.97 < 1), 21% the second (1.25 x 0.79 < 1), 50% not the third (2 x 0.5 = 1)
        Assert.Equal(51, curve.Count);
        Assert.Equal(new LiquidatableAtShock(0, 0, 0, 0), curve[0]);
        Assert.Equal(0, curve[1].Positions);
        Assert.Equal(new LiquidatableAtShock(0.03, 1, 100, 10), curve[3]);
        Assert.Equal(1, curve[20].Positions);
        Assert.Equal(new LiquidatableAtShock(0.21, 2, 400, 40), curve[21]);
        Assert.Equal(2, curve[50].Positions);
    }
}
