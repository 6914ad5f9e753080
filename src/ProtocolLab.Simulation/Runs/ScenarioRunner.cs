using ProtocolLab.Chain;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Devnets;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Results;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Runs;

/// <summary>Where the runner is at, for a progress display.</summary>
public sealed record RunProgress(string Design, int Run, int Runs, int Block, int Blocks);

/// <summary>One design's runs: per-run summaries, their statistics, and where the files are.</summary>
public sealed record DesignResult(DesignSpec Design, IReadOnlyList<RunSummary> Runs, IReadOnlyList<MetricStatistics> Statistics, string Directory)
{
    /// <summary>Degenerate-world findings of <see cref="RunDiagnostics"/>; empty when the runs measured something.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record RunnerOptions
{
    public required string OutputDirectory { get; init; }

    public string? RepoRoot { get; init; }

    /// <summary>anvil log file; a temp file when null.</summary>
    public string? DevnetLogPath { get; init; }

    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Sees the chain session once the devnet is up (benchmarks count its transactions).</summary>
    public Action<ChainSession>? SessionCreated { get; init; }

    /// <summary>
    /// An anvil someone else runs, instead of the embedded one. The run snapshots it first and reverts
    /// to that snapshot at the end, so the node is left as it was found.
    /// </summary>
    public Uri? RpcUrl { get; init; }

    /// <summary>Let <see cref="RpcUrl"/> be a public network's chain id (refused otherwise).</summary>
    public bool AllowPublicChain { get; init; }

    /// <summary>Sees the devnet once it answers, before anything is deployed (tests stop it mid-run).</summary>
    public Action<IDevnet>? DevnetStarted { get; init; }
}

/// <summary>
/// Runs designs of a scenario on one embedded anvil with identical seeds: the same population, the
/// same price path per run index, the same agents. State resets between designs and runs with
/// evm_snapshot/evm_revert, and a deterministic block clock makes every timestamp replayable.
/// Files are written as blocks complete, so an interrupted run keeps what it computed; when the
/// devnet stops answering, a <see cref="DevnetStoppedException"/> says where the run was.
/// </summary>
public sealed class ScenarioRunner(RunnerOptions options)
{
    /// <summary>Genesis time of the devnet: fixed, so timestamps do not depend on the wall clock.</summary>
    public const ulong GenesisTimestamp = 1_700_000_000;

    public async Task<IReadOnlyList<DesignResult>> RunAsync(Scenario scenario, IReadOnlyList<DesignSpec> designs, CancellationToken cancellationToken)
    {
        var root = options.RepoRoot ?? RepoRoot.Find();
        if (options.RpcUrl is { } url)
            return await RunOnExternalAsync(url, root, scenario, designs, cancellationToken);
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilOptions
        {
            RepoRoot = root,
            Accounts = 1,
            Automine = false,
            AutoImpersonate = true,
            BaseFeePerGas = 0,
            BlockGasLimit = BlockGasLimit,
            LogPath = options.DevnetLogPath,
            // Keep only recent states in memory: the harness reads "latest" and resets with snapshots.
            ExtraArguments = ["--timestamp", GenesisTimestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "--prune-history", "64"],
        }, cancellationToken);
        return await RunGuardedAsync(devnet, root, scenario, designs, GenesisTimestamp, cancellationToken);
    }

    /// <summary>Room for set-up blocks of a few hundred transactions with explicit gas.</summary>
    private const ulong BlockGasLimit = 30_000_000_000;

    /// <summary>
    /// On a node someone else runs: it must be anvil (the agents need auto-impersonation and
    /// anvil_setBalance). Time starts at the node's latest block, so a replay is byte-identical on the
    /// same node state; mining, impersonation and the node's state are restored afterwards.
    /// </summary>
    private async Task<IReadOnlyList<DesignResult>> RunOnExternalAsync(Uri url, string root, Scenario scenario, IReadOnlyList<DesignSpec> designs, CancellationToken cancellationToken)
    {
        await using var node = await ExternalDevnet.ConnectAsync(url, options.AllowPublicChain, cancellationToken);
        if (node.Dev.Flavor != DevFlavor.Anvil)
            throw new UserInputException($"--rpc-url {url}: the simulation needs an anvil node (auto-impersonation, anvil_setBalance); this one answers as {node.Dev.Flavor}");
        var latest = await node.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken)
            ?? throw new UnexpectedNodeAnswerException($"--rpc-url {url}: the node has no latest block");
        var settings = await AnvilSettings.CaptureAsync(node, cancellationToken);
        try
        {
            await node.Dev.SetAutomineAsync(false, cancellationToken);
            await node.Dev.SetAutoImpersonateAsync(true, cancellationToken);
            await node.Dev.SetBlockGasLimitAsync(BlockGasLimit, cancellationToken);
            await node.Dev.SetNextBlockBaseFeePerGasAsync(0, cancellationToken);
            return await RunGuardedAsync(node, root, scenario, designs, latest.Timestamp, cancellationToken);
        }
        finally
        {
            // Best effort: a node that died cannot be restored, and the run's own error says so.
            try
            {
                await settings.RestoreAsync(node);
            }
            catch (RpcException)
            {
            }
        }
    }

    private async Task<IReadOnlyList<DesignResult>> RunGuardedAsync(
        IDevnet devnet, string root, Scenario scenario, IReadOnlyList<DesignSpec> designs, ulong start, CancellationToken cancellationToken)
    {
        options.DevnetStarted?.Invoke(devnet);
        var cursor = new RunCursor(scenario);
        try
        {
            return await RunDesignsAsync(devnet, root, scenario, designs, start, cursor, cancellationToken);
        }
        catch (RpcException e) when (e is not RpcErrorException)
        {
            // A JSON-RPC error is an answer; anything else means the node is gone or hung.
            throw cursor.Stopped(e, devnet);
        }
    }

    private async Task<IReadOnlyList<DesignResult>> RunDesignsAsync(
        IDevnet devnet, string root, Scenario scenario, IReadOnlyList<DesignSpec> designs, ulong start, RunCursor cursor, CancellationToken cancellationToken)
    {
        var session = new ChainSession(devnet.Rpc) { Clock = new BlockClock(start) };
        options.SessionCreated?.Invoke(session);
        var artifacts = ArtifactStore.ForRepository(root);
        var owner = devnet.Accounts[0];
        var genesis = await session.Dev.SnapshotAsync(cancellationToken);

        var results = new List<DesignResult>();
        foreach (var design in designs)
        {
            cursor.StartDesign(design.Name);
            genesis = await RevertAsync(session, genesis, session.Clock.Start, cancellationToken);
            var adapter = await ProtocolAdapters.CreateAsync(session, artifacts, owner, scenario, design, cancellationToken);
            var desk = await ArbitrageDesk.DeployAsync(session, artifacts, scenario, adapter.Venue, cancellationToken);
            var providers = await LiquidityProviders.DeployAsync(session, scenario, adapter.Venue, cancellationToken);
            var blockSpace = await BlockSpace.DeployAsync(session, artifacts, scenario, owner, cancellationToken);
            var setupTime = session.Clock!.Current;
            var setup = await session.Dev.SnapshotAsync(cancellationToken);
            var directory = Path.Combine(options.OutputDirectory, scenario.Name, design.Name);
            Directory.CreateDirectory(directory);

            var runs = new List<RunSummary>();
            for (var run = 0; run < scenario.Runs; run++)
            {
                if (run > 0)
                    setup = await RevertAsync(session, setup, setupTime, cancellationToken);
                runs.Add(await RunOnceAsync(adapter, desk, blockSpace, providers, run, Path.Combine(directory, $"run-{run:D3}"), cursor, cancellationToken));
            }
            var warnings = RunDiagnostics.Warnings(runs);
            SummaryJsonWriter.Write(Path.Combine(directory, "summary.json"), new SummaryHeader(scenario.Name, scenario.Hash, scenario.Seed, design.Name), runs, warnings);
            results.Add(new DesignResult(design, runs, RunAggregator.Aggregate(runs), directory) { Warnings = warnings });
        }
        return results;
    }

    private async Task<RunSummary> RunOnceAsync(
        IProtocolAdapter adapter, ArbitrageDesk desk, BlockSpace blockSpace, LiquidityProviders providers, int run, string directory, RunCursor cursor, CancellationToken cancellationToken)
    {
        var scenario = adapter.Scenario;
        Directory.CreateDirectory(directory);
        cursor.StartRun(run, Path.Combine(directory, "blocks.jsonl"));
        using var protocolRun = await adapter.StartRunAsync(run, directory, SeededRandom.ForStream(scenario.Seed, run, "agents"), cancellationToken);
        var path = PricePathFactory.Create(scenario, SeededRandom.ForStream(scenario.Seed, run, "price-path"));
        var liquidity = providers.StartRun(path);
        var pipeline = new BlockPipeline(adapter, protocolRun, path, desk, blockSpace, new TradeLedger(adapter, desk, providers), liquidity);
        var blocks = new List<BlockMetrics>(scenario.Blocks + 1);
        using var jsonl = BlockJsonLinesWriter.Create(Path.Combine(directory, "blocks.jsonl"));
        using var csv = BlocksCsvWriter.Create(Path.Combine(directory, "blocks.csv"));
        using var trades = TradesCsvWriter.Create(Path.Combine(directory, TradesCsvWriter.FileName));
        var liquidatorSales = 0.0;
        var totals = await pipeline.RunAsync(block =>
        {
            blocks.Add(block);
            jsonl.Append(block);
            csv.Append(block);
            cursor.Written(block.Block);
            options.Progress?.Report(new RunProgress(adapter.Design.Name, run, scenario.Runs, block.Block, scenario.Blocks));
        }, block =>
        {
            trades.Append(block);
            liquidatorSales += block.Where(t => t.Role == LiquidatorSale.Role && t.Side == LiquidatorSale.Side).Sum(t => t.Collateral);
        }, cancellationToken);
        var measured = protocolRun.Finish()
            .Concat(await liquidity.FinishAsync(blocks, cancellationToken))
            .Append((Metric: "liquidatorSalesIntoPair", Value: (double?)liquidatorSales));
        return RunSummaryCalculator.Summarize(blocks, totals) with { Measured = measured.ToDictionary(m => m.Metric, m => m.Value) };
    }

    /// <summary>A liquidator's sale of collateral in trades.csv.</summary>
    private static readonly (string Role, string Side) LiquidatorSale = (TradeLedger.Role(TradeRole.Liquidation), "sell");

    /// <summary>Back to a snapshot (anvil consumes it), a fresh snapshot of the same state, time and nonces with it.</summary>
    internal static async Task<string> RevertAsync(ChainSession session, string snapshot, ulong timestamp, CancellationToken cancellationToken)
    {
        if (!await session.Dev.RevertAsync(snapshot, cancellationToken))
            throw new UnexpectedNodeAnswerException($"evm_revert to snapshot {snapshot} failed");
        session.Clock!.Reset(timestamp);
        session.Clock.SecondsPerBlock = 1;
        session.Nonces.ResetAll();
        return await session.Dev.SnapshotAsync(cancellationToken);
    }

    /// <summary>Where the runner is, to say so when the devnet stops answering.</summary>
    private sealed class RunCursor(Scenario scenario)
    {
        private string? _design;
        private int? _run;
        private int? _lastWritten;
        private string? _blocksFile;

        public void StartDesign(string design) => (_design, _run, _lastWritten, _blocksFile) = (design, null, null, null);

        public void StartRun(int run, string blocksFile) => (_run, _lastWritten, _blocksFile) = (run, null, blocksFile);

        public void Written(int block) => _lastWritten = block;

        public DevnetStoppedException Stopped(RpcException cause, IDevnet node)
        {
            var where = $"scenario '{scenario.Name}'";
            if (_design is not null)
                where += $", design '{_design}'";
            where += _run is { } run
                ? $", run {run + 1} of {scenario.Runs}, block {(_lastWritten ?? -1) + 1} of {scenario.Blocks}"
                : _design is null ? ", before the first design" : ", while deploying the market";
            var state = node switch
            {
                ProcessDevnet { HasExited: true } devnet => $"{devnet.Name} (pid {devnet.ProcessId}) exited (log: {devnet.LogPath})",
                ProcessDevnet devnet => $"{devnet.Name} (pid {devnet.ProcessId}) stopped answering though still running (log: {devnet.LogPath})",
                _ => $"the node at {node.RpcUrl} stopped answering",
            };
            var written = _lastWritten is { } last ? $"blocks 0-{last} of this run are complete in {_blocksFile}" : null;
            return new DevnetStoppedException(cause, state, where, written);
        }
    }
}
