using System.Diagnostics;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Runs;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Cli.Bench;

/// <summary>
/// The simulation at scale: a compare of the scenario with many borrowers (wall time, transactions,
/// tx/s against the chain floor measured in the same run), then one long run with more borrowers
/// (peak memory, and whether blocks get slower as the chain grows).
/// </summary>
public sealed class SimulationBenchmark(string repoRoot, Scenario scenario, double floorTxPerSecond)
{
    public async Task RunAsync(int borrowers, int largeBorrowers, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("protocollab-bench-");
        try
        {
            var (setup, reset) = await SetupVersusResetAsync(folder.FullName, cancellationToken);
            output.WriteLine(
                $"reset between runs: anvil start + deploy + open {scenario.Population.Borrowers} positions {setup.TotalMilliseconds:F0} ms, " +
                $"evm_revert + evm_snapshot + open the next run's {scenario.Population.Borrowers} positions {reset.TotalMilliseconds:F0} ms: {setup / reset:F1}x faster");

            var compare = Scaled(borrowers, 1);
            var (elapsed, transactions, _, _) = await TimeAsync(compare, compare.Protocol.Designs, folder.FullName, cancellationToken);
            var txPerSecond = transactions / elapsed.TotalSeconds;
            output.WriteLine(
                $"compare {scenario.Name} x {borrowers} borrowers, {compare.Protocol.Designs.Count} designs: {elapsed.TotalSeconds:F1} s wall (target < 30 s), " +
                $"{transactions} transactions, {txPerSecond:F0} tx/s = {txPerSecond / floorTxPerSecond:F2}x the floor (target >= 0.6x)");

            if (largeBorrowers <= 0)
                return;
            var large = Scaled(largeBorrowers, 1);
            var (largeElapsed, largeTransactions, blockTimes, anvilPeak) = await TimeAsync(large, [large.Protocol.Designs[0]], folder.FullName, cancellationToken);
            var tenth = Math.Max(1, blockTimes.Count / 10);
            var first = blockTimes.Take(tenth).Average();
            var last = blockTimes.TakeLast(tenth).Average();
            using var self = Process.GetCurrentProcess();
            output.WriteLine(
                $"run {scenario.Name} x {largeBorrowers} borrowers: {largeElapsed.TotalSeconds:F1} s, {largeTransactions} transactions, " +
                $"peak memory: harness {self.PeakWorkingSet64 / (1024 * 1024)} MiB, anvil {anvilPeak / 1024} MiB; per-block time last 10% / first 10% = {last / first:F2} (target <= 1.25)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// What a fresh deployment costs against a snapshot revert, from the progress stream of a
    /// three-run scenario: start to block 0 is set-up; the end of one run to block 0 of the next is the reset.
    /// </summary>
    private async Task<(TimeSpan Setup, TimeSpan Reset)> SetupVersusResetAsync(string folder, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? setup = null, runEnded = null;
        var resets = new List<TimeSpan>();
        var short1 = scenario with { Runs = 3, Blocks = Math.Min(scenario.Blocks, 10), Protocol = scenario.Protocol with { Designs = [scenario.Protocol.Designs[0]] } };
        var progress = new InlineProgress(p =>
        {
            if (p.Block == 0 && p.Run == 0)
                setup ??= clock.Elapsed;
            else if (p.Block == 0 && runEnded is { } ended)
                resets.Add(clock.Elapsed - ended);
            if (p.Block == p.Blocks)
                runEnded = clock.Elapsed;
        });
        var runner = new ScenarioRunner(new RunnerOptions { OutputDirectory = folder, RepoRoot = repoRoot, Progress = progress });
        await runner.RunAsync(short1, short1.Protocol.Designs, cancellationToken);
        return (setup ?? TimeSpan.Zero, resets.Count == 0 ? TimeSpan.Zero : resets.Min());
    }

    /// <summary>More borrowers, with lenders' supply scaled alike so every borrow can be funded.</summary>
    private Scenario Scaled(int borrowers, int runs) => scenario with
    {
        Runs = runs,
        Population = scenario.Population with { Borrowers = borrowers },
        Market = scenario.Market with { LenderSupply = scenario.Market.LenderSupply * Math.Max(1.0, 2.0 * borrowers / scenario.Population.Borrowers) },
    };

    private async Task<(TimeSpan Elapsed, long Transactions, List<double> BlockMilliseconds, long AnvilPeakKiB)> TimeAsync(
        Scenario s, IReadOnlyList<DesignSpec> designs, string folder, CancellationToken cancellationToken)
    {
        var blockTimes = new List<double>();
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        int? anvilPid = null;
        long anvilPeak = 0;
        var progress = new InlineProgress(p =>
        {
            if (p.Block > 0)
                blockTimes.Add((clock.Elapsed - last).TotalMilliseconds);
            last = clock.Elapsed;
            if (p.Block == p.Blocks && anvilPid is { } pid)
                anvilPeak = Math.Max(anvilPeak, PeakResidentKiB(pid));
        });
        Chain.Contracts.ChainSession? session = null;
        var runner = new ScenarioRunner(new RunnerOptions
        {
            OutputDirectory = folder,
            RepoRoot = repoRoot,
            Progress = progress,
            SessionCreated = created => session = created,
            DevnetStarted = devnet => anvilPid = (devnet as ProcessDevnet)?.ProcessId,
        });
        await runner.RunAsync(s, designs, cancellationToken);
        return (clock.Elapsed, session?.TransactionsSent ?? 0, blockTimes, anvilPeak);
    }

    /// <summary>A process's peak resident memory (VmHWM in /proc), 0 where that is not readable.</summary>
    private static long PeakResidentKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>IProgress that runs on the reporting thread (Progress&lt;T&gt; would post to the pool and lose the timing).</summary>
    private sealed class InlineProgress(Action<RunProgress> action) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => action(value);
    }
}
