using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Options;
using ProtocolLab.Simulation.Scenarios;
using ProtocolLab.Simulation.Scenarios.Options;
using ProtocolLab.Simulation.Tests.Engine;

namespace ProtocolLab.Simulation.Tests.Options;

/// <summary>Options scenarios end to end on anvil: a liquidation set known by hand, and gamma hedging amplifying a drop.</summary>
public sealed class OptionsScenarioTests
{
    [Fact]
    public async Task PutsByHand_AfterTwentyPercentDrop_LiquidatesExactlyTheHighStrikeWriters()
    {
        // Given six writers, alternating strikes 1800 and 1600, each at 1.7x initial margin (see the fixture)
        using var run = EngineRun.InTempFolder();
        var scenario = Fixture("puts-by-hand.yaml");

        // When the price drops 20% at block 5
        var results = await run.RunAsync(scenario);

        // Then writers 0, 2 and 4 (strike 1800) are liquidated once each in block 6, and no one else
        var rows = File.ReadAllLines(Path.Combine(run.RunFolder(scenario, "fixed"), "options-liquidations.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var expected = new[] { 0, 2, 4 }.Select(i => OptionsAccounts.Writer(i).ToString()).Order().ToList();
        Assert.Equal(expected, rows.Select(r => r[1]).Order().ToList());
        Assert.All(rows, r => Assert.Equal("6", r[0]));
        Assert.All(rows, r => Assert.Equal("0", r[3]));
        Assert.All(rows, r => Assert.Equal("0", r[6]));
        var summary = results.OnlyRunOf("fixed");
        Assert.Equal(3, summary.LiquidationCount);
        Assert.Equal(0, summary.FailedLiquidations);
    }

    [Fact]
    public async Task HedgedThinPair_WithDeltaHedgers_AmplifiesTheDropMoreThanWithout()
    {
        // Given the same thin-pair crash with and without two hedgers short 150 at-the-money puts each
        var hedged = Fixture("hedged-thin-pair.yaml");
        var options = hedged.Options!;
        var unhedged = hedged with { Name = "unhedged-thin-pair", Options = options with { Hedgers = options.Hedgers with { Count = 0 } } };

        // When both run
        using var run = EngineRun.InTempFolder();
        var with = (await run.RunAsync(hedged)).OnlyRunOf("fixed");
        var without = (await run.RunAsync(unhedged)).OnlyRunOf("fixed");

        // Then the hedgers' selling deepens the oracle's drawdown: amplification at least 0.5 higher (measured: 3.27 against 0.99)
        Assert.NotNull(with.AmplificationRatio);
        Assert.NotNull(without.AmplificationRatio);
        Assert.True(
            with.AmplificationRatio!.Value >= without.AmplificationRatio!.Value + 0.5,
            $"amplification with hedgers {with.AmplificationRatio:G4}, without {without.AmplificationRatio:G4}");
    }

    [Fact]
    public async Task HedgedThinPair_RunTwice_WritesByteIdenticalFiles()
    {
        // Given the hedged scenario
        var scenario = Fixture("hedged-thin-pair.yaml");

        // When it runs twice on fresh devnets
        using var first = EngineRun.InTempFolder();
        using var second = EngineRun.InTempFolder();
        await first.RunAsync(scenario);
        await second.RunAsync(scenario);

        // Then every file of the run is the same to the byte
        foreach (var file in new[] { "blocks.jsonl", "blocks.csv", "options-blocks.jsonl", "options-liquidations.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.RunFolder(scenario, "fixed"), file)), File.ReadAllBytes(Path.Combine(second.RunFolder(scenario, "fixed"), file)));
    }

    private static Scenario Fixture(string fileName) =>
        ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Options", "Scenarios", fileName));
}
