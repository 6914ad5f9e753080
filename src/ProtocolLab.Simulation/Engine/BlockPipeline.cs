using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Arbitrage;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Paths;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// One run of one design, block by block, for any protocol: read the chain in one batch (the pair
/// and the adapter's calls); the keeper, the arbitrageur, the liquidators and the protocol's own
/// agents decide on that snapshot; their transactions go in one batch; one block is mined at the next
/// timestamp; the block's header and the adapter's logs (never receipts: anvil answers those in time
/// that grows with block size) become the block's metrics.
/// </summary>
internal sealed class BlockPipeline(IProtocolAdapter adapter, IProtocolRun run, IPricePath path, ArbitrageDesk desk, BlockSpace blockSpace, TradeLedger ledger, LiquidityProviderRun providers)
{
    public const ulong KeeperGas = 300_000;
    public const ulong SwapGas = 300_000;

    private readonly List<double> _pairPrices = [];
    private readonly MarketUnits _units = WorldKit.Units(adapter.Scenario);
    private PoolReserves _pool = new(0, 0);
    private OracleKeeperMemory? _keeper;

    private readonly IReadOnlyList<Address> _eventSources = new[] { adapter.Venue.Pair.Address }.Concat(adapter.EventSources).Concat(desk.EventSources).Distinct().ToList();

    private MarketVenue Venue => adapter.Venue;

    /// <summary>
    /// Runs every block; <paramref name="onBlock"/> sees each block's metrics as soon as they are final,
    /// <paramref name="onTrades"/> each mined block's swaps on the pair.
    /// </summary>
    public async Task<RunTotals> RunAsync(Action<BlockMetrics> onBlock, Action<IReadOnlyList<Results.TradeRecord>> onTrades, CancellationToken cancellationToken)
    {
        var scenario = adapter.Scenario;
        var session = Venue.Session;
        var clock = session.Clock ?? throw new InvalidOperationException("the block pipeline needs a session clock");
        clock.SecondsPerBlock = (ulong)scenario.BlockTimeSeconds;

        await ReadAsync(cancellationToken);
        var initialExposure = run.Exposure;
        run.Started();
        _keeper = new OracleKeeperMemory(scenario.Oracle, scenario.Agents.Keeper, scenario.Market.InitialPrice, (long)clock.Current);
        var pending = new BlockMetrics(0, (long)clock.Current, path.PriceAt(0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var startGasWei = await GasPayersEtherAsync(cancellationToken);
        await blockSpace.StartAsync(session, cancellationToken);

        for (var block = 1; block <= scenario.Blocks; block++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Complete(pending, onBlock);
            var fundamental = path.PriceAt(block);
            var timestamp = (long)clock.Current + scenario.BlockTimeSeconds;

            var txs = new List<TransactionRequest>();
            var pushed = PlanKeeper(block, timestamp, fundamental, txs);
            PlanArbitrage(fundamental, txs);
            desk.Plan(block, path, blockSpace.BaseFee, txs);
            await providers.PlanAsync(block, _pool, txs, cancellationToken);
            run.PlanLiquidators(block, new BlockConditions(fundamental, pushed, blockSpace.BaseFee), txs);
            run.PlanAgents(block, txs);

            var mined = await session.SendAndMineForLogsAsync(blockSpace.Price(block, txs), _eventSources, cancellationToken);
            var delayed = await blockSpace.SettleAsync(session, mined, cancellationToken);
            var tally = run.Account(block, mined);
            onTrades(ledger.Trades(block, mined));
            pending = new BlockMetrics(block, timestamp, fundamental, 0, 0, tally.Liquidations, tally.CollateralSeized, tally.DebtRepaid,
                tally.BadDebt, tally.InsuranceDrawn, 0, tally.FailedLiquidations, (long)mined.Header.GasUsed, tally.BadDebtCollateralShortfall)
            {
                BaseFeeGwei = (double)(mined.Header.BaseFeePerGas ?? 0) / 1e9,
                GasLimit = (long)mined.Header.GasLimit,
                DelayedTransactions = delayed,
            };
            await ReadAsync(cancellationToken);
            _pairPrices.Add(_pool.SpotPrice(_units));
        }
        Complete(pending, onBlock);
        await blockSpace.StopAsync(session, cancellationToken);

        var endPrice = path.PriceAt(scenario.Blocks);
        var gasCostLoan = (double)(startGasWei - await GasPayersEtherAsync(cancellationToken)) / 1e18 * endPrice;
        return new RunTotals(initialExposure, run.LiquidatorGain(endPrice) - gasCostLoan);
    }

    /// <summary>A block's prices, underwater and liquidatable positions are read after it is mined, at the start of the next.</summary>
    private void Complete(BlockMetrics pending, Action<BlockMetrics> onBlock)
    {
        var liquidatable = run.Liquidatable;
        var block = pending with
        {
            PairPrice = _pool.SpotPrice(_units),
            PairLoanReserve = _units.LoanWhole(_pool.Loan),
            OraclePrice = run.OraclePrice,
            PositionsUnderwater = run.PositionsUnderwater,
            LiquidatablePositions = liquidatable.Positions,
            LiquidatableDebt = liquidatable.Debt,
        };
        run.Completed(block);
        onBlock(block);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var calls = new List<TransactionRequest> { Venue.Pair.ReservesCall() };
        calls.AddRange(run.StateCalls());
        var results = await Venue.Session.Reads.CallAsync(calls, BlockTag.Latest, cancellationToken);
        var outputs = results.Select(r => r.GetOutputOrThrow()).ToList();
        var (collateral, loan) = Venue.Pair.DecodeReserves(outputs[0], Venue.Collateral);
        _pool = new PoolReserves(collateral, loan);
        run.Observe(outputs.GetRange(1, outputs.Count - 1), _pool);
    }

    /// <summary>The liquidators' ether together: they send no value, so what it falls by over a run is what they paid for gas.</summary>
    private async Task<BigInteger> GasPayersEtherAsync(CancellationToken cancellationToken)
    {
        var total = BigInteger.Zero;
        foreach (var payer in adapter.GasPayers)
            total += await Venue.Session.Eth.GetBalanceAsync(payer, BlockTag.Latest, cancellationToken);
        return total;
    }

    /// <summary>The keeper's rule (deviation, heartbeat, stalls) per feed, over the fundamental or the pair's recent prices; the adapter sends what its feeds need.</summary>
    /// <returns>The price pushed in this block, if the keeper pushes one the market reads as it is (no median or delay in between).</returns>
    private double? PlanKeeper(int block, long timestamp, double fundamental, List<TransactionRequest> txs)
    {
        var s = adapter.Scenario;
        var window = Math.Max(1, s.Oracle.TwapWindowSeconds / s.BlockTimeSeconds);
        var recent = _pairPrices.TakeLast(window).ToList();
        var twap = recent.Count == 0 ? s.Market.InitialPrice : recent.Average();
        var keeper = _keeper ?? throw new InvalidOperationException("the keeper starts with the run");
        var decision = keeper.Decide(block, timestamp, fundamental, twap);
        if (!run.PlanKeeper(block, decision, txs))
            return null;
        keeper.Pushed(decision, timestamp);
        return s.Oracle.MarketReadsThePush ? decision.Price : null;
    }

    private void PlanArbitrage(double fundamental, List<TransactionRequest> txs)
    {
        var s = adapter.Scenario;
        if (!s.Agents.Arbitrageur.Enabled)
            return;
        var capital = _units.LoanBase(s.Agents.Arbitrageur.CapitalPerBlock);
        if (Arbitrageur.Decide(_pool, fundamental, capital, _units) is not { } plan)
            return;
        var (tokenIn, tokenOut) = plan.Direction == SwapDirection.SellCollateral ? (Venue.Collateral, Venue.Loan) : (Venue.Loan, Venue.Collateral);
        txs.Add(Venue.Uniswap.SwapExactIn(SimulationAccounts.Arbitrageur, tokenIn, tokenOut, plan.AmountIn, BigInteger.Zero, Tips.Arbitrageur(SwapGas)));
    }
}
