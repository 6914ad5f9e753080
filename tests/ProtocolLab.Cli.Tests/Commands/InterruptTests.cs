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

    private static async Task AssertGoneAsync(IReadOnlyList<int> pids)
    {
        for (var i = 0; i < 50 && pids.Any(ProcTable.IsAlive); i++)
            await Task.Delay(100);
        Assert.All(pids, pid => Assert.False(ProcTable.IsAlive(pid), $"anvil {pid} outlived the CLI"));
    }
}
