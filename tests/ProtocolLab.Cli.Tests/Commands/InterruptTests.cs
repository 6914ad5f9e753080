using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Chain.Tests.TestSupport;
using ProtocolLab.Cli.Tests.Support;

namespace ProtocolLab.Cli.Tests.Commands;

/// <summary>A CI cancel (SIGTERM), Ctrl-C (SIGINT) or SIGKILL of the CLI mid-run leaves no anvil behind.</summary>
public sealed class InterruptTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private readonly string _output = Path.Combine(Path.GetTempPath(), $"protocollab-interrupt-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
    }

    [Theory]
    [InlineData(SigTerm, "terminated")]
    [InlineData(SigInt, "interrupted")]
    public async Task Run_SignalledMidRun_StopsWithOneLineKeepsBlocksAndLeavesNoAnvil(int signal, string word)
    {
        // Given a long run under way on the embedded anvil
        using var cli = SignalledCli.Start("run", "scenarios/slow-bleed.yaml", "--output", _output, "--quiet");
        var blocks = Path.Combine(_output, "slow-bleed", "fixed", "run-000", "blocks.jsonl");
        await cli.WaitForLinesAsync(blocks, 5, TimeSpan.FromMinutes(2));
        var anvils = cli.AnvilDescendants();
        Assert.NotEmpty(anvils);

        // When the CLI is signalled
        cli.Signal(signal);
        var (exitCode, stderr) = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));

        // Then it says so on one line, exits 2 (an error, not a budget failure), keeps its blocks and leaves no anvil
        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {word}", line);
        Assert.Contains(Path.Combine(_output, "slow-bleed"), line);
        Assert.True(File.ReadAllLines(blocks).Length >= 5);
        await AssertGoneAsync(anvils);
    }

    [Fact]
    public async Task Run_KilledMidRun_LeavesNoAnvil()
    {
        // Given a long run under way on the embedded anvil
        using var cli = SignalledCli.Start("run", "scenarios/slow-bleed.yaml", "--output", _output, "--quiet");
        await cli.WaitForLinesAsync(Path.Combine(_output, "slow-bleed", "fixed", "run-000", "blocks.jsonl"), 5, TimeSpan.FromMinutes(2));
        var anvils = cli.AnvilDescendants();
        Assert.NotEmpty(anvils);

        // When the CLI is killed outright (nothing of it runs after this)
        cli.Signal(SigKill);
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));

        // Then its anvil does not outlive it
        await AssertGoneAsync(anvils);
    }

    [Fact]
    public async Task Run_OnAUsersAnvilTerminatedMidRun_LeavesTheNodeAsItWasFound()
    {
        // Given a user's anvil that auto-impersonates, with automine on and its own next base fee
        await using var node = await AnvilDevnet.StartAsync(new AnvilOptions { RepoRoot = RepoPaths.Root, AutoImpersonate = true });
        await node.Rpc.CallAsync("anvil_setNextBlockBaseFeePerGas", [RpcValue.Quantity(7_000_000_000UL)]);
        var before = await NodeStateAsync(node);

        // When a run on it is terminated mid-way
        using (var cli = SignalledCli.Start("run", "scenarios/slow-bleed.yaml", "--output", _output, "--quiet", "--rpc-url", node.RpcUrl.ToString()))
        {
            await cli.WaitForLinesAsync(Path.Combine(_output, "slow-bleed", "fixed", "run-000", "blocks.jsonl"), 5, TimeSpan.FromMinutes(2));
            cli.Signal(SigTerm);
            var (exitCode, stderr) = await cli.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 2, stderr);
        }

        // Then its blocks, mining, next base fee and impersonation are what they were
        Assert.Equal(before, await NodeStateAsync(node));
    }

    private static async Task<string> NodeStateAsync(IDevnet node)
    {
        var blocks = await node.Eth.BlockNumberAsync();
        var automine = (await node.Rpc.CallAsync("anvil_getAutomine")).GetBoolean();
        var environment = (await node.Rpc.CallAsync("anvil_nodeInfo")).GetProperty("environment");
        string impersonation;
        try
        {
            // Intrinsic gas too low when anvil would sign for a stranger; "No Signer available" when not. Nothing is sent.
            await node.Rpc.CallAsync("eth_sendTransaction", [RpcValue.RawJson("""{"from":"0x000000000000000000000000000000000000dEaD","to":"0x000000000000000000000000000000000000dEaD","gas":"0x1"}""")]);
            impersonation = "sent?";
        }
        catch (RpcErrorException e)
        {
            impersonation = e.RpcMessage;
        }
        return $"block {blocks}, automine {automine}, base fee {environment.GetProperty("baseFee")}, gas limit {environment.GetProperty("gasLimit")}, stranger: {impersonation}";
    }

    private static async Task AssertGoneAsync(IReadOnlyList<int> pids)
    {
        for (var i = 0; i < 50 && pids.Any(ProcessProbe.IsRunning); i++)
            await Task.Delay(100);
        Assert.All(pids, pid => Assert.False(ProcessProbe.IsRunning(pid), $"anvil {pid} outlived the CLI"));
    }
}
