using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>
/// A circuit breaker on crash-dump.yaml's world with the external price as the oracle: the 30% step at
/// block 3 is a move beyond 10% within 4 blocks, so liquidations pause from the crash until the
/// pre-crash price has left the window and 6 more blocks have passed; the debt the crash made
/// liquidatable waits on the books meanwhile.
/// </summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task RunAsync_StepCrashWithACircuitBreaker_PausesLiquidationsForTheWindowAndThePauseThenLiquidates()
    {
        // Given the same crash without and with a breaker (10% within 4 blocks, 6-block pause)
        var plain = Exogenous(EngineRun.Fixture("crash-dump.yaml"));
        var design = plain.Protocol.Designs[0];
        var guarded = plain with
        {
            Name = "crash-dump-breaker",
            Protocol = plain.Protocol with { Designs = [design with { CircuitBreaker = new CircuitBreakerSpec(0.10, 4, 6, false) }] },
        };

        // When both run
        using var run = EngineRun.InTempFolder();
        var unguarded = (await run.RunAsync(plain)).OnlyRunOf("fixed");
        var results = await run.RunAsync(guarded);
        var summary = results.OnlyRunOf("fixed");

        // Then without the breaker the bots liquidate the block after the crash
        Assert.Equal(4, unguarded.FirstLiquidationBlock);

        // And with it the breaker trips in blocks 3-6 (each still holds block 2's 2,000 in its window), so
        // liquidations pause through block 11 (the last trip + 6) and start in block 12
        var state = run.Csv(guarded, "fixed", MarginStateCsvWriter.FileName);
        var paused = state.Select(r => r["liquidationsPaused"] == "true").ToList();
        Assert.Equal(Enumerable.Range(0, paused.Count).Select(b => b is >= 3 and <= 11), paused);
        Assert.Equal(4, int.Parse(state[^1]["breakerTrips"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12, summary.FirstLiquidationBlock);
        Assert.Equal(4.0, summary.Measured["circuitBreakerTrips"]);
        Assert.Equal(9.0, summary.Measured["liquidationsPausedBlocks"]);

        // And meanwhile the backlog the crash created waits: liquidatable debt through the pause, no
        // liquidation and no failed transaction, then the bots start working it off
        var blocks = run.Blocks(guarded, "fixed");
        var backlog = blocks.Select(b => b.GetProperty("liquidatableDebt").GetDouble()).ToList();
        Assert.All(blocks.Skip(4).Take(8), b => Assert.Equal(0, b.GetProperty("liquidations").GetInt32()));
        Assert.All(backlog.Skip(3).Take(9), d => Assert.True(d > 0));
        Assert.Equal(0, summary.FailedLiquidations);
        Assert.True(backlog[^1] < backlog[11], $"backlog {backlog[11]} at the pause's end, {backlog[^1]} at the run's end");
        Assert.True(blocks.Skip(12).Sum(b => b.GetProperty("liquidations").GetInt32()) > 0);
        Assert.True(summary.PeakLiquidatableDebtPercent >= unguarded.PeakLiquidatableDebtPercent);
    }

    private static Scenario Exogenous(Scenario scenario) => scenario with { Oracle = scenario.Oracle with { Mode = OracleMode.Exogenous } };
}
