using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// population.positions on anvil: the positions of imported-book.csv open as the file says, one
/// above the design's LTV at today's price opens at the past price where it fits, and a 30% step
/// drop liquidates exactly those whose health factor the drop takes below 1.
/// </summary>
public sealed class ImportedPositionsRunTests
{
    [Fact]
    public async Task RunAsync_ImportedBook_OpensEachRowAndLiquidatesThoseBelowHealthOneAfterTheDrop()
    {
        // Given five positions (10/14,000, 10/10,000, 10/15,500, 5/4,000, 2/0) under threshold 0.80
        var scenario = EngineRun.Fixture("imported-book.yaml");
        var rows = scenario.Population.Imported!;

        // When the scenario runs
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);

        // Then borrower i holds row i's collateral and debt (plus interest since opening), including
        // 15,500 on 10 WETH, above what 0.75 lends at 2,000: it opened at 2,080 and starts at HF 1.03
        // (the file lists positions as the market holds them: in the order they opened, by opening price)
        var start = ByBorrower(run.Positions(scenario, "fixed", "start"), rows.Count);
        Assert.Equal(rows.Select(r => r.Collateral), start.Select(p => p.Collateral));
        Assert.All(rows.Zip(start), x => Assert.Equal(x.First.Debt, x.Second.Debt, tolerance: (x.First.Debt * 1e-6) + 1e-9));
        Assert.Equal(10 * 2000 * 0.80 / 15_500, start[2].HealthFactor, tolerance: 1e-4);

        // And the drop to 1,400 takes exactly rows 0 (HF 0.80) and 2 (HF 0.72) below 1: they lose collateral
        var end = ByBorrower(run.Positions(scenario, "fixed", "end"), rows.Count);
        var lost = start.Zip(end).Select((p, i) => (i, Lost: p.Second.Collateral < p.First.Collateral)).Where(x => x.Lost).Select(x => x.i);
        Assert.Equal([0, 2], lost);
    }

    private static List<PositionRecord> ByBorrower(IReadOnlyList<PositionRecord> positions, int count)
    {
        var byAddress = positions.ToDictionary(p => p.Borrower);
        return Enumerable.Range(0, count).Select(i => byAddress[SimulationAccounts.Borrower(i).ToString()]).ToList();
    }
}
