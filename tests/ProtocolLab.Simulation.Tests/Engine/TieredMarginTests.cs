using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>TieredMargin on crash-dump.yaml's world (a 30% step at block 3) with a deep pair: Aave v3's band next to fixed margin.</summary>
public sealed class TieredMarginTests
{
    [Fact]
    public async Task RunAsync_AaveBandBelowHealth095_ClosesEachCrashedPositionInOneLiquidation()
    {
        // Given fixed margin (close factor 50%) and the same thresholds with 100% below health 0.95
        var plain = EngineRun.Fixture("crash-dump.yaml");
        var fixedDesign = plain.Protocol.Designs[0];
        var tiered = fixedDesign with
        {
            Name = "tiered",
            Model = MarginModelKind.Tiered,
            Contract = "TieredMargin",
            HealthBands = [new HealthBandSpec(0.95, 1.0, fixedDesign.Base.Bonus)],
        };
        var scenario = plain with
        {
            Name = "crash-dump-tiered",
            Blocks = 20,
            // A deep pair: the dumper's sale of a whole position's collateral still pays (in the fixture's
            // thin pair it does not, and a bot that always repays the most it may skips those positions).
            Market = plain.Market with { PairReserves = new PairReserves(50_000_000 / plain.Market.InitialPrice, 50_000_000) },
            Oracle = plain.Oracle with { Mode = OracleMode.Exogenous },
            Protocol = plain.Protocol with { Designs = [fixedDesign, tiered] },
        };

        // When both run on the same positions and prices
        using var run = EngineRun.InTempFolder();
        var results = await run.RunAsync(scenario);
        var closeHalf = results.OnlyRunOf("fixed");
        var closeAll = results.OnlyRunOf("tiered");

        // Then the crash (health far below 0.95) lets the bots repay every position whole at once: fewer
        // liquidations for about as much debt repaid
        Assert.True(closeHalf.LiquidationCount > 0, $"fixed liquidated {closeHalf.LiquidationCount}, tiered {closeAll.LiquidationCount}");
        Assert.True(closeAll.LiquidationCount < closeHalf.LiquidationCount, $"tiered {closeAll.LiquidationCount} vs fixed {closeHalf.LiquidationCount}");
        Assert.True(closeAll.LiquidationVolume >= closeHalf.LiquidationVolume * 0.99, $"volume tiered {closeAll.LiquidationVolume} vs fixed {closeHalf.LiquidationVolume}; bad debt {closeAll.BadDebt} vs {closeHalf.BadDebt}; count {closeAll.LiquidationCount} vs {closeHalf.LiquidationCount}; failed {closeAll.FailedLiquidations} vs {closeHalf.FailedLiquidations}; seized {closeAll.CollateralSeized} vs {closeHalf.CollateralSeized}; peak backlog {closeAll.PeakLiquidatableDebtPercent} vs {closeHalf.PeakLiquidatableDebtPercent}");
    }
}
