using ProtocolLab.Simulation.Agents.Liquidity;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidity;

public class LiquidityFlightTests
{
    private readonly LiquidityFlight _flight = new(WithdrawAbove: 2, ReturnBelow: 1);

    [Theory]
    [InlineData(true, 2.5, false)]
    [InlineData(true, 2, true)]
    [InlineData(true, 1.5, true)]
    [InlineData(false, 1.5, false)]
    [InlineData(false, 1, false)]
    [InlineData(false, 0.9, true)]
    [InlineData(false, 3, false)]
    public void WantsIn_BetweenTheLevels_StaysWhereItWas(bool wasIn, double volatility, bool expected)
    {
        Assert.Equal(expected, _flight.WantsIn(wasIn, volatility));
    }

    [Fact]
    public void WantsIn_NoReturnLevel_NeverComesBack()
    {
        // Given a provider without a return level that has left
        var flight = new LiquidityFlight(2, null);

        // When the market is perfectly calm, then it stays out; one that never left stays in
        Assert.False(flight.WantsIn(false, 0));
        Assert.True(flight.WantsIn(true, 0));
    }
}
