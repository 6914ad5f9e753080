using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Arbitrage;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Agents.Oracle;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Results;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// One run of one design, block by block: read the chain in one batch; the keeper, arbitrageur,
/// liquidators and borrowers decide on that snapshot; their transactions go in one batch; one
/// block is mined at the next timestamp; receipts are decoded into the block's metrics.
/// </summary>
public sealed class BlockLoop(SimulationWorld world, IPricePath path, SeededRandom random)
{
    private const ulong KeeperGas = 300_000;

    private readonly ChainStateReader _reader = new(world);
    private readonly LiquidatorBook _liquidators = new(world);
    private readonly BorrowerActions _borrowers = new(world, random.Child("borrowers"));
    private readonly List<double> _pairPrices = [];
    private readonly Dictionary<Chain.Hex.Address, int> _botIndex = world.Liquidators.ToDictionary(l => l.Address, l => l.Index);
    private double? _lastPushedPrice;
    private long? _lastPushTimestamp;

    /// <summary>Runs every block; <paramref name="onBlock"/> sees each block's metrics as soon as they are final.</summary>
    /// <param name="onPositions">Sees the positions before the first block ("start") and after the last ("end").</param>
    public async Task<RunTotals> RunAsync(Action<BlockMetrics> onBlock, Action<string, IReadOnlyList<PositionRecord>> onPositions, CancellationToken cancellationToken)
    {
        var scenario = world.Scenario;
        var clock = world.Session.Clock ?? throw new InvalidOperationException("the block loop needs a session clock");
        clock.SecondsPerBlock = (ulong)scenario.BlockTimeSeconds;

        var state = await _reader.ReadAsync(cancellationToken);
        var initialDebt = world.Units.LoanWhole(state.Totals.TotalBorrowAssets);
        onPositions("start", Records(state));
        var startBalances = state.LiquidatorBalances;
        _lastPushedPrice = scenario.Market.InitialPrice;
        _lastPushTimestamp = (long)clock.Current;
        var pending = new BlockMetrics(0, (long)clock.Current, path.PriceAt(0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var startGasWei = await BotEtherAsync(cancellationToken);

        for (var block = 1; block <= scenario.Blocks; block++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onBlock(Finalize(pending, state));
            var fundamental = path.PriceAt(block);
            var timestamp = (long)clock.Current + scenario.BlockTimeSeconds;
            var positions = state.Positions.Select((p, i) => Snapshot(i, p)).ToList();

            var txs = new List<TransactionRequest>();
            PlanKeeper(block, timestamp, fundamental, txs);
            PlanArbitrage(state, fundamental, txs);
            _liquidators.Plan(block, state, positions, fundamental, txs);
            _borrowers.Plan(state, positions, txs);

            var mined = await world.Session.SendAndMineForLogsAsync(txs, [world.Deployment.Market.Address], cancellationToken);
            pending = Account(block, timestamp, fundamental, mined);
            state = await _reader.ReadAsync(cancellationToken);
            _pairPrices.Add(state.Pool.SpotPrice(world.Units));
        }
        onBlock(Finalize(pending, state));
        onPositions("end", Records(state));

        var endPrice = path.PriceAt(scenario.Blocks);
        var gasCostLoan = (double)(startGasWei - await BotEtherAsync(cancellationToken)) / 1e18 * endPrice;
        var pnl = 0.0;
        for (var i = 0; i < world.Liquidators.Count; i++)
        {
            var (collateral, loan) = state.LiquidatorBalances[i];
            pnl += world.Units.LoanWhole(loan - startBalances[i].Loan)
                + (world.Units.CollateralWhole(collateral - startBalances[i].Collateral) * endPrice);
        }
        return new RunTotals(initialDebt, pnl - gasCostLoan);
    }

    private PositionSnapshot Snapshot(int id, LendingLens.PositionView p) =>
        new(id, p.Collateral, p.Debt, (double)BigInteger.Min(p.HealthFactor, BigInteger.Pow(10, 30)) / 1e18)
        {
            Terms = new LiquidationTerms(Wad.ToDouble(p.CloseFactor), Wad.ToDouble(p.LiquidationBonus), world.Units.LoanBase(1)),
        };

    private List<PositionRecord> Records(ChainState state) =>
        state.Positions.Select(p => PositionsCsvWriter.Record(p.Borrower.ToString(), p.Collateral, p.Debt, p.HealthFactor, p.LiquidationThreshold, world.Units)).ToList();

    /// <summary>The bots' ether together: they send no value, so what it falls by over a run is what they paid for gas.</summary>
    private async Task<BigInteger> BotEtherAsync(CancellationToken cancellationToken)
    {
        var total = BigInteger.Zero;
        foreach (var bot in world.Liquidators)
            total += await world.Session.Eth.GetBalanceAsync(bot.Address, BlockTag.Latest, cancellationToken);
        return total;
    }

    /// <summary>A block's prices and underwater count are read after it is mined, at the start of the next.</summary>
    private BlockMetrics Finalize(BlockMetrics pending, ChainState after) => pending with
    {
        PairPrice = after.Pool.SpotPrice(world.Units),
        OraclePrice = after.OraclePrice,
        PositionsUnderwater = ChainStateReader.Underwater(after, world.Units),
    };

    private void PlanKeeper(int block, long timestamp, double fundamental, List<TransactionRequest> txs)
    {
        var d = world.Deployment;
        var s = world.Scenario;
        if (d.PushFeed is { } push)
        {
            var window = Math.Max(1, s.Oracle.TwapWindowSeconds / s.BlockTimeSeconds);
            var recent = _pairPrices.TakeLast(window).ToList();
            var twap = recent.Count == 0 ? s.Market.InitialPrice : recent.Average();
            var decision = OracleKeeper.Decide(s.Oracle, s.Agents.Keeper, new OracleKeeperInput(block, timestamp, fundamental, twap, _lastPushedPrice, _lastPushTimestamp));
            if (decision.Push)
            {
                txs.Add(push.PushAnswer(world.Owner, ScenarioKit.Answer(decision.Price), Tips.Keeper(KeeperGas)));
                _lastPushedPrice = decision.Price;
                _lastPushTimestamp = timestamp;
            }
        }
        if (d.TwapFeed is { } twapFeed)
            txs.Add(twapFeed.Poke(world.Owner, Tips.Keeper(KeeperGas)));
        if (d.DynamicMargin is { } dynamic)
            txs.Add(dynamic.Poke(world.Owner, Tips.Keeper(KeeperGas)));
    }

    private void PlanArbitrage(ChainState state, double fundamental, List<TransactionRequest> txs)
    {
        var s = world.Scenario;
        if (!s.Agents.Arbitrageur.Enabled)
            return;
        var capital = world.Units.LoanBase(s.Agents.Arbitrageur.CapitalPerBlock);
        if (Arbitrageur.Decide(state.Pool, fundamental, capital, world.Units) is not { } plan)
            return;
        var d = world.Deployment;
        var (tokenIn, tokenOut) = plan.Direction == SwapDirection.SellCollateral
            ? (d.Collateral.Address, d.Loan.Address)
            : (d.Loan.Address, d.Collateral.Address);
        txs.Add(LiquidatorBook.Swap(d.Uniswap, SimulationAccounts.Arbitrageur, tokenIn, tokenOut, plan.AmountIn, Tips.Arbitrageur(LiquidatorBook.SwapGas)));
    }

    /// <summary>
    /// Liquidations, bad debt and gas from the block's header and the market's logs. A liquidation
    /// emits exactly one Liquidate event, so a bot's failed liquidations are the ones it sent less the
    /// events naming it (a rejected send counts as failed too).
    /// </summary>
    private BlockMetrics Account(int block, long timestamp, double fundamental, MinedBlock mined)
    {
        var market = world.Deployment.Market;
        var succeeded = new int[world.Liquidators.Count];
        int liquidations = 0;
        BigInteger seized = 0, repaid = 0, badDebt = 0, covered = 0, shortfall = 0;
        foreach (var e in market.DecodeEvents(mined.Logs, "Liquidate", LendingMarket.LiquidateEvent.From))
        {
            liquidations++;
            seized += e.Seized;
            repaid += e.Repaid;
            badDebt += e.BadDebt;
            if (_botIndex.TryGetValue(e.Liquidator, out var i))
            {
                succeeded[i]++;
                _liquidators.Acquired(i, block);
            }
        }
        foreach (var e in market.DecodeEvents(mined.Logs, "BadDebtRealized", LendingMarket.BadDebtRealizedEvent.From))
        {
            covered += e.CoveredByInsurance;
            shortfall += e.CollateralShortfall;
        }
        var failed = 0;
        for (var i = 0; i < succeeded.Length; i++)
            failed += Math.Max(0, _liquidators.SentLiquidations[i] - succeeded[i]);
        var u = world.Units;
        return new BlockMetrics(block, timestamp, fundamental, 0, 0, liquidations, u.CollateralWhole(seized), u.LoanWhole(repaid),
            u.LoanWhole(badDebt), u.LoanWhole(covered), 0, failed, (long)mined.Header.GasUsed, u.LoanWhole(shortfall));
    }
}
