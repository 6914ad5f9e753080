using ProtocolLab.Simulation.Agents.Liquidity;

namespace ProtocolLab.Simulation.Tests.Agents.Liquidity;

public class RealizedVolatilityTests
{
    private const double BlockTime = 12;
    private static readonly double BlocksPerYear = RealizedVolatility.SecondsPerYear / BlockTime;

    [Fact]
    public void Annualised_FlatPrices_IsZero()
    {
        Assert.Equal(0, RealizedVolatility.Annualised([2000, 2000, 2000, 2000], 4, 3, BlockTime));
    }

    [Fact]
    public void Annualised_OneCrashInTheWindow_IsTheRootMeanSquareLogReturnAnnualised()
    {
        // Given a 30% step after two calm blocks, and a 5-block window that holds it
        double[] prices = [2000, 2000, 1400, 1400];

        // When the volatility is measured at the end of the series
        var volatility = RealizedVolatility.Annualised(prices, prices.Length, 5, BlockTime);

        // Then it is sqrt(ln(0.7)^2 / 5) per block, and the returns before the series count as calm (0)
        Assert.Equal(Math.Sqrt(Math.Log(0.7) * Math.Log(0.7) / 5 * BlocksPerYear), volatility, 1e-9);
    }

    [Fact]
    public void Annualised_CrashLeftTheWindow_IsZeroAgain()
    {
        // Given the crash three returns back and a two-return window
        double[] prices = [2000, 1400, 1400, 1400, 1400];

        // When measured at the end, and when measured as of the crash block (end = 2)
        var now = RealizedVolatility.Annualised(prices, prices.Length, 2, BlockTime);
        var then = RealizedVolatility.Annualised(prices, 2, 2, BlockTime);

        // Then the crash no longer counts now, and did then
        Assert.Equal(0, now);
        Assert.True(then > 100, $"then {then}");
    }

    [Fact]
    public void Annualised_AlternatingMoves_AreVolatileThoughThePriceEndsWhereItStarted()
    {
        // Given +1% / -1% moves: no drift over the window
        double[] prices = [100, 101, 100, 101, 100];

        // When measured over all four returns
        var volatility = RealizedVolatility.Annualised(prices, prices.Length, 4, BlockTime);

        // Then each return counts, as a realised variance does (not a de-meaned one)
        var r = Math.Log(1.01);
        Assert.Equal(Math.Sqrt(r * r * BlocksPerYear), volatility, 1e-6);
    }

    [Fact]
    public void Annualised_EndBeforeAnyReturn_IsZero()
    {
        Assert.Equal(0, RealizedVolatility.Annualised([2000, 1000], 1, 5, BlockTime));
        Assert.Equal(0, RealizedVolatility.Annualised([2000, 1000], -3, 5, BlockTime));
    }
}
