using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Close factor 1: interest accrues between the block a bot reads a debt and the block its
/// liquidation lands, so asking for last block's debt would leave a sub-dust remainder that the
/// market refuses. Bots must ask for "all of it" (type(uint256).max).
/// </summary>
public sealed class FullCloseFactorTests
{
    [Fact]
    public async Task RunAsync_CloseFactorOne_ClosesEveryPositionBelowHealthOneWithoutAFailedLiquidation()
    {
        // Given a 30% step drop nothing amplifies, one bot, and close factor 1
        var scenario = EngineRun.Fixture("full-close-factor.yaml");
        var step = Assert.IsType<StepPathSpec>(scenario.PricePath);
        var rules = Assert.Single(scenario.Protocol.Designs).Base;
        Assert.Equal(1.0, rules.CloseFactor);
        var price = scenario.Market.InitialPrice * (1 - step.Drop);

        // When it runs on anvil
        using var run = EngineRun.InTempFolder();
        var summary = (await run.RunAsync(scenario)).OnlyRunOf("fixed");

        // Then every position below health 1 after the drop was closed by one liquidation
        var start = run.Positions(scenario, "fixed", "start");
        var end = run.Positions(scenario, "fixed", "end").ToDictionary(p => p.Borrower);
        var underwater = start.Where(p => p.Collateral * price * rules.LiquidationThreshold / p.Debt < 1).ToList();
        Assert.InRange(underwater.Count, 3, start.Count - 3);
        Assert.All(underwater, p => Assert.Equal(0, end[p.Borrower].Debt));
        Assert.Equal(underwater.Count, summary.LiquidationCount);

        // And no liquidation transaction reverted
        Assert.Equal(0, summary.FailedLiquidations);
    }
}
