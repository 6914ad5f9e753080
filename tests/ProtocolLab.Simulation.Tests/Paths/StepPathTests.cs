using ProtocolLab.Simulation.Paths;

namespace ProtocolLab.Simulation.Tests.Paths;

public class StepPathTests
{
    [Fact]
    public void PriceAt_AroundTheStep_IsInitialThenDroppedExactly()
    {
        // Given a 30% drop at block 5 from 2000
        var path = new StepPath(2000, 40, 5, 0.30);

        // When prices are read around the step
        // Then the price is exactly 2000 before and 1400 from block 5 on
        Assert.Equal(2000, path.PriceAt(0));
        Assert.Equal(2000, path.PriceAt(4));
        Assert.Equal(1400, path.PriceAt(5), 9);
        Assert.Equal(1400, path.PriceAt(40), 9);
    }

    [Fact]
    public void PriceAt_BeyondLastBlock_Throws()
    {
        // Given a 10-block path
        var path = new StepPath(1, 10, 5, 0.5);

        // When / Then reading block 11 is an error, not a silent extrapolation
        Assert.Throws<ArgumentOutOfRangeException>(() => path.PriceAt(11));
    }
}
