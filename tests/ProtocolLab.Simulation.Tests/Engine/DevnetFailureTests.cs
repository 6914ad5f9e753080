using System.Text.Json;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;

namespace ProtocolLab.Simulation.Tests.Engine;

/// <summary>A devnet that dies mid-run: the user learns where and why, and keeps the blocks already computed.</summary>
public sealed class DevnetFailureTests
{
    private const int KillAfterBlock = 7;

    [Fact]
    public async Task RunAsync_DevnetKilledMidRun_ThrowsDevnetStoppedAndKeepsTheBlocksWritten()
    {
        // Given a run whose anvil is killed as soon as block 7 is on disk
        var scenario = EngineRun.Fixture("crash-dump.yaml");
        using var run = EngineRun.InTempFolder();
        ProcessDevnet? devnet = null;
        var killer = new InlineProgress(p =>
        {
            if (p.Block == KillAfterBlock)
                devnet!.Kill();
        });

        // When the runner goes on to block 8
        var error = await Assert.ThrowsAsync<DevnetStoppedException>(() => run.RunAsync(scenario, options => options with
        {
            DevnetStarted = started => devnet = (ProcessDevnet)started,
            Progress = killer,
        }));

        // Then the error says the devnet exited, where the run was, and where the blocks are
        Assert.True(devnet!.HasExited);
        var blocksFile = Path.Combine(run.RunFolder(scenario, "fixed"), "blocks.jsonl");
        Assert.Contains($"anvil (pid {devnet.ProcessId}) exited", error.Message);
        Assert.Contains($"scenario 'crash-dump', design 'fixed', run 1 of 1, block {KillAfterBlock + 1} of {scenario.Blocks}", error.Message);
        Assert.Contains($"blocks 0-{KillAfterBlock} of this run are complete in {blocksFile}", error.Message);
        Assert.Contains(devnet.LogPath!, error.Message);
        Assert.IsType<RpcTransportException>(error.InnerException);
        Assert.Contains("Is the devnet still running?", error.Message);

        // And blocks.jsonl holds blocks 0..7 as complete JSON lines, nothing after
        var text = File.ReadAllText(blocksFile);
        Assert.EndsWith("\n", text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(Enumerable.Range(0, KillAfterBlock + 1), lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("block").GetInt32()));
        Assert.Equal(KillAfterBlock + 2, File.ReadAllLines(Path.Combine(run.RunFolder(scenario, "fixed"), "blocks.csv")).Length);
    }

    /// <summary>Reports on the runner's thread, so the kill happens between two blocks (Progress&lt;T&gt; would post it to the pool).</summary>
    private sealed class InlineProgress(Action<RunProgress> action) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => action(value);
    }
}
