using ProtocolLab.Chain.Devnets;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>`--rpc-url`: the simulation on an anvil the user started, left as it was found.</summary>
public sealed class ExternalNodeTests
{
    [Fact]
    public async Task RunAsync_OnAUsersAnvil_MatchesTheEmbeddedRunAndRestoresTheNode()
    {
        // Given an anvil someone started with its defaults (automine on, no impersonation, wall-clock time)
        await using var node = await AnvilDevnet.StartAsync(new AnvilOptions { RepoRoot = RepoPaths.Root });
        var blockBefore = await node.Eth.BlockNumberAsync();
        var scenario = EngineRun.Fixture("step-no-impact.yaml");

        // When the scenario runs on it twice, and once on the embedded anvil
        using var first = EngineRun.InTempFolder();
        using var second = EngineRun.InTempFolder();
        using var embedded = EngineRun.InTempFolder();
        var onNode = await first.RunAsync(scenario, o => o with { RpcUrl = node.RpcUrl });
        await second.RunAsync(scenario, o => o with { RpcUrl = node.RpcUrl });
        var onEmbedded = await embedded.RunAsync(scenario);

        // Then the node is back where it was, mining again, and the two runs on it wrote the same bytes
        Assert.Equal(blockBefore, await node.Eth.BlockNumberAsync());
        Assert.True((await node.Rpc.CallAsync("anvil_getAutomine")).GetBoolean(), "automine restored");
        var blocks = Path.Combine(scenario.Name, scenario.Protocol.Designs[0].Name, "run-000", "blocks.jsonl");
        Assert.Equal(File.ReadAllBytes(Path.Combine(first.Output, blocks)), File.ReadAllBytes(Path.Combine(second.Output, blocks)));

        // And the cascade is the embedded one's (only timestamps differ: time starts at the node's latest block)
        var design = scenario.Protocol.Designs[0].Name;
        Assert.Equal(onEmbedded.OnlyRunOf(design).LiquidationCount, onNode.OnlyRunOf(design).LiquidationCount);
        Assert.Equal(onEmbedded.OnlyRunOf(design).BadDebt, onNode.OnlyRunOf(design).BadDebt, 6);
    }
}
