using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// Each new oracle source on anvil, read back from blocks.jsonl: the fundamental falls slowly, then
/// fast, then holds, and the pair (no arbitrage, a liquidator that holds) stays at 2000. Every
/// expected series is computed by hand from the fundamental and the block timestamps.
/// </summary>
public sealed class OracleSourceTests
{
    private static readonly Scenario Fixture = EngineRun.Fixture("oracle-sources.yaml");

    [Fact]
    public async Task RunAsync_Chainlink_PushesTheFundamentalOnlyPastDeviationOrHeartbeat()
    {
        // Given a chainlink feed with a 2% deviation threshold and a 60 s heartbeat (5 blocks)
        var scenario = Fixture with { Oracle = new OracleSpec(OracleMode.Chainlink, 0.02, 60, 1800) };

        // When it runs
        var blocks = await RunAsync(scenario);

        // Then the oracle is the hand-computed chainlink answer at every block
        var (expected, heartbeats, deviations) = BlockPrices.ChainlinkByHand(blocks, 0.02, 60);
        for (var b = 0; b < blocks.Count; b++)
            Assert.Equal(expected[b], blocks[b].Oracle, tolerance: 1e-6);

        // And the slow slide is pushed on the heartbeat, the fast one on deviation, never every block
        Assert.InRange(heartbeats, 3, 10);
        Assert.InRange(deviations, 3, 10);
        Assert.True(blocks.Count(b => Math.Abs(b.Oracle - b.Fundamental) > 1e-6) >= 10, "the oracle waits between pushes");
    }

    [Fact]
    public async Task RunAsync_DelayOfOneHop_ShiftsTheOracleSeriesByTheHop()
    {
        // Given an exogenous feed (the fundamental pushed every block) behind a 36 s (3-block) delay module
        var scenario = Fixture with { Oracle = new OracleSpec(OracleMode.Exogenous, 0.005, 3600, 1800) { DelaySeconds = 36 } };

        // When it runs
        var blocks = await RunAsync(scenario);

        // Then the oracle changes only in the first block of a hop (hops aligned to multiples of 36 s),
        // to the fundamental price of exactly one hop (3 blocks) earlier, and holds in between
        var changes = 0;
        for (var b = 1; b < blocks.Count; b++)
        {
            if (Math.Abs(blocks[b].Oracle - blocks[b - 1].Oracle) < 1e-9)
                continue;
            changes++;
            Assert.True(blocks[b].Timestamp / 36 != blocks[b - 1].Timestamp / 36, $"block {b} published within a hop");
            Assert.Equal(blocks[b - 3].Fundamental, blocks[b].Oracle, tolerance: 1e-6);
        }

        // And every block in the slide published (one change a hop: 30 sliding blocks, 10 hops)
        Assert.InRange(changes, 9, 11);
        Assert.Equal(scenario.Market.InitialPrice, blocks[2].Oracle, tolerance: 1e-6);
    }

    [Fact]
    public async Task RunAsync_MedianWithOneWrongSource_FollowsTheHonestSources()
    {
        // Given a median of the fundamental pushed every block, a chainlink feed (1%, 1 h) and the pair's spot price,
        // which stays at 2000 while the fundamental falls 17%
        var scenario = Fixture with
        {
            Oracle = new OracleSpec(OracleMode.Median, 0.01, 3600, 1800)
            {
                Sources = [OracleMode.Exogenous, OracleMode.Chainlink, OracleMode.Spot],
                MaxDeviationPerUpdate = 0.5,
            },
        };

        // When it runs
        var blocks = await RunAsync(scenario);

        // Then the spot source is wrong throughout, yet the oracle is the middle of the three: the
        // chainlink answer, between the fundamental and the stuck spot price
        Assert.All(blocks, b => Assert.Equal(2000, b.Pair, tolerance: 1e-6));
        var (chainlink, _, _) = BlockPrices.ChainlinkByHand(blocks, 0.01, 3600);
        for (var b = 0; b < blocks.Count; b++)
            Assert.Equal(Median(blocks[b].Fundamental, chainlink[b], blocks[b].Pair), blocks[b].Oracle, tolerance: 1e-6);
        Assert.Equal(blocks[^1].Fundamental, blocks[^1].Oracle, tolerance: blocks[^1].Fundamental * 0.01);
    }

    [Fact]
    public async Task RunAsync_MedianGuardTighterThanOneUpdate_KeepsThePreviousAnswer()
    {
        // Given the same median with a 1% guard: the slow slide moves it 0.1% a block, the fast one 1.5%
        var scenario = Fixture with
        {
            Oracle = new OracleSpec(OracleMode.Median, 0.005, 3600, 1800)
            {
                Sources = [OracleMode.Exogenous, OracleMode.Exogenous, OracleMode.Spot],
                MaxDeviationPerUpdate = 0.01,
            },
        };

        // When it runs
        var blocks = await RunAsync(scenario);

        // Then the slow slide is accepted block by block, and the first fast step is refused: the oracle
        // keeps the answer of block 20 to the end while the fundamental falls 15% further
        for (var b = 0; b <= 20; b++)
            Assert.Equal(blocks[b].Fundamental, blocks[b].Oracle, tolerance: 1e-6);
        Assert.All(blocks.Skip(21), b => Assert.Equal(blocks[20].Oracle, b.Oracle, tolerance: 1e-9));
        Assert.True(blocks[^1].Fundamental < blocks[20].Oracle * 0.86);
    }

    private static async Task<IReadOnlyList<BlockPrices>> RunAsync(Scenario scenario)
    {
        using var run = EngineRun.InTempFolder();
        await run.RunAsync(scenario);
        return BlockPrices.Read(run, scenario, "fixed");
    }

    private static double Median(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
