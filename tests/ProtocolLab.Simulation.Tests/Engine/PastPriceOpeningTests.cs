using System.Globalization;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Positions opened at past prices start closer to their threshold than an opening at today's
/// price allows: the initial LTV caps a fresh position at health factor LT / LTV = 0.80 / 0.75.
/// </summary>
public sealed class PastPriceOpeningTests
{
    [Fact]
    public async Task RunAsync_OpeningPricesAboveToday_SomePositionsStartBelowTheFreshMinimumAndA3PercentShockLiquidates()
    {
        // Given positions opened at up to 12% above the initial price, at 60-100% of the initial LTV
        var scenario = EngineRun.Fixture("past-prices.yaml");
        Assert.NotNull(scenario.Population.OpeningPrice);
        var rules = Assert.Single(scenario.Protocol.Designs).Base;
        var freshMinimum = rules.LiquidationThreshold / rules.InitialLtv;

        // When it runs on anvil
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);

        // Then some start below a fresh position's minimum health factor, and the market reads its own feed again
        var start = run.Positions(scenario, "fixed", "start");
        Assert.Contains(start, p => p.HealthFactor < freshMinimum - 0.01);
        Assert.All(start, p => Assert.True(p.HealthFactor > 0.8, $"{p} looks like a price other than the initial one"));

        // And a 3% shock at block 0 would make debt liquidatable (Perez et al.'s measure)
        var curve = File.ReadAllLines(Path.Combine(run.RunFolder(scenario, "fixed"), LiquidatableByShockCsvWriter.FileName));
        Assert.Equal(LiquidatableByShockCsvWriter.Header, curve[0]);
        var atThreePercent = curve[4].Split(',');
        Assert.Equal("0.03", atThreePercent[0]);
        Assert.True(double.Parse(atThreePercent[2], CultureInfo.InvariantCulture) > 0, "debt liquidatable after a 3% shock");
    }
}
