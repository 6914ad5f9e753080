using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// The gas section on crash-dump.yaml's world: 30M-gas blocks with an EIP-1559 base fee, and other
/// users who outbid everyone for whole blocks from the crash on (Black Thursday's congestion).
/// </summary>
public sealed class CongestionTests
{
    [Fact]
    public async Task RunAsync_CongestionWindow_FillsBlocksRaisesTheBaseFeeAndDelaysLiquidations()
    {
        // Given the crash at block 3 on a pushed external-price oracle, with and without blocks 3-8 bought out
        var calm = WithGas(EngineRun.Fixture("crash-dump.yaml"), []);
        var congested = WithGas(EngineRun.Fixture("crash-dump.yaml"), [new CongestionWindow(3, 8, 30_000_000, 2_000)]);

        // When both run
        using var run = EngineRun.InTempFolder();
        var calmSummary = (await run.RunAsync(calm)).OnlyRunOf("fixed");
        using var congestedRun = EngineRun.InTempFolder();
        var congestedSummary = (await congestedRun.RunAsync(congested)).OnlyRunOf("fixed");

        // Then the window's blocks are full, the base fee climbs by EIP-1559's 12.5% a full block,
        // the keeper's and the bots' transactions wait, and the first liquidation comes after the window
        var blocks = congestedRun.Blocks(congested, "fixed");
        foreach (var block in blocks.Skip(3).Take(6))
        {
            Assert.True(block.GetProperty("gasUsed").GetInt64() >= 29_900_000, $"block {block.GetProperty("block")} not full");
            Assert.True(block.GetProperty("delayedTransactions").GetInt32() > 0);
        }
        var fee = blocks.Select(b => b.GetProperty("baseFeeGwei").GetDouble()).ToList();
        Assert.Equal(fee[3] * 1.125, fee[4], tolerance: fee[3] * 0.001);
        Assert.True(fee[9] > fee[3] * 1.9, $"base fee {fee[3]} -> {fee[9]} gwei");
        Assert.Equal(2000, blocks[8].GetProperty("oraclePrice").GetDouble());
        Assert.Equal(4, calmSummary.FirstLiquidationBlock);
        Assert.True(congestedSummary.FirstLiquidationBlock >= 10, $"first liquidation at {congestedSummary.FirstLiquidationBlock}");
        Assert.Equal(0, congestedSummary.FailedLiquidations);
    }

    [Fact]
    public async Task RunAsync_GasSectionWithoutDemand_KeepsBlocksBelowTheLimitAndTheBaseFeeFalling()
    {
        // Given 30M-gas blocks at a 10 gwei base fee and no background demand
        var scenario = WithGas(EngineRun.Fixture("crash-dump.yaml"), []);

        // When it runs
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);

        // Then every block has the limit, none is half full, so the base fee falls from 10 gwei
        var blocks = run.Blocks(scenario, "fixed").Skip(1).ToList();
        Assert.All(blocks, b => Assert.Equal(30_000_000, b.GetProperty("gasLimit").GetInt64()));
        Assert.Equal(10, blocks[0].GetProperty("baseFeeGwei").GetDouble(), tolerance: 1e-9);
        Assert.True(blocks[^1].GetProperty("baseFeeGwei").GetDouble() < 1);
        Assert.All(blocks, b => Assert.Equal(0, b.GetProperty("delayedTransactions").GetInt32()));
    }

    private static Scenario WithGas(Scenario scenario, IReadOnlyList<CongestionWindow> background) => scenario with
    {
        Oracle = scenario.Oracle with { Mode = OracleMode.Exogenous },
        Gas = new GasSpec(30_000_000, 10, background),
    };
}
