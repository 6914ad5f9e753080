using System.Numerics;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Liquidity;
using ProtocolLab.Simulation.Agents.Uniswap;
using ProtocolLab.Simulation.Metrics;
using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>
/// One run of the pair's liquidity providers. Every block each provider reads where its liquidity is
/// (its LP tokens and both tokens, one batch for all), measures the volatility it watches, and when its
/// <see cref="LiquidityFlight"/> wants the liquidity elsewhere sends one router call: removeLiquidity of
/// every LP token it holds, or addLiquidity of everything it holds at the pair's ratio when the call
/// executes. State is read, not assumed, so a call that did not fit in a block or reverted is sent again.
/// </summary>
internal sealed class LiquidityProviderRun(LiquidityProviders providers, IPricePath path)
{
    private readonly List<double> _pairPrices = [];
    private readonly List<double> _fundamentalPrices = [];
    private readonly bool[] _wantsIn = [.. providers.Agents.Select(_ => true)];
    private readonly bool[] _inPool = [.. providers.Agents.Select(_ => true)];
    private int _withdrawals;

    /// <summary>
    /// The providers' calls for <paramref name="block"/>, on <paramref name="pool"/> (the reserves the block
    /// starts from, i.e. the previous block's end) and the external price of this block.
    /// </summary>
    public async Task PlanAsync(int block, PoolReserves pool, List<TransactionRequest> txs, CancellationToken cancellationToken)
    {
        if (providers.Venue is not { } venue)
            return;
        var scenario = providers.Scenario;
        _pairPrices.Add(pool.SpotPrice(WorldKit.Units(scenario)));
        while (_fundamentalPrices.Count <= block)
            _fundamentalPrices.Add(path.PriceAt(_fundamentalPrices.Count));

        var holdings = await ReadAsync(venue, cancellationToken);
        foreach (var agent in providers.Agents)
        {
            var (liquidity, collateral, loan) = holdings[agent.Index];
            if (_inPool[agent.Index] && liquidity.IsZero)
                _withdrawals++;
            _inPool[agent.Index] = !liquidity.IsZero;

            var spec = agent.Spec;
            var (prices, end) = spec.Watches == WatchedPrice.Pair ? (_pairPrices, block - spec.LatencyBlocks) : (_fundamentalPrices, block + 1 - spec.LatencyBlocks);
            var volatility = RealizedVolatility.Annualised(prices, end, spec.WindowBlocks, scenario.BlockTimeSeconds);
            var wantsIn = _wantsIn[agent.Index] = agent.Flight.WantsIn(_wantsIn[agent.Index], volatility);

            var options = Tips.LiquidityProvider(spec.PriorityFeeGwei, agent.Index, LiquidityProviders.LiquidityGas);
            if (!wantsIn && !liquidity.IsZero)
                txs.Add(venue.Uniswap.RemoveLiquidity(agent.Address, venue.Collateral, venue.Loan, liquidity, options));
            else if (wantsIn && liquidity.IsZero && !collateral.IsZero && !loan.IsZero)
                txs.Add(venue.Uniswap.AddLiquidity(agent.Address, venue.Collateral, collateral, venue.Loan, loan, options));
        }
    }

    /// <summary>The run's liquidity metrics: how far the pair's loan side fell, and how often a provider left.</summary>
    public async Task<IReadOnlyList<(string Metric, double? Value)>> FinishAsync(IReadOnlyList<BlockMetrics> blocks, CancellationToken cancellationToken)
    {
        if (providers.Venue is not { } venue || blocks.Count == 0)
            return [];
        // A withdrawal in the last block is only seen by a read after it.
        var holdings = await ReadAsync(venue, cancellationToken);
        _withdrawals += providers.Agents.Count(a => _inPool[a.Index] && holdings[a.Index].Liquidity.IsZero);
        var initial = blocks[0].PairLoanReserve;
        double? minShare = initial > 0 ? blocks.Min(b => b.PairLoanReserve) / initial : null;
        return [("minPairDepthShare", minShare), ("liquidityWithdrawals", _withdrawals)];
    }

    private async Task<IReadOnlyList<(BigInteger Liquidity, BigInteger Collateral, BigInteger Loan)>> ReadAsync(MarketVenue venue, CancellationToken cancellationToken)
    {
        var collateral = new TestToken(venue.Session, venue.Collateral);
        var loan = new TestToken(venue.Session, venue.Loan);
        var calls = new List<TransactionRequest>();
        foreach (var agent in providers.Agents)
        {
            calls.Add(venue.Pair.LiquidityOfCall(agent.Address));
            calls.Add(collateral.BuildCall("balanceOf", [agent.Address]));
            calls.Add(loan.BuildCall("balanceOf", [agent.Address]));
        }
        var outputs = (await venue.Session.Reads.CallAsync(calls, BlockTag.Latest, cancellationToken)).Select(r => r.GetOutputOrThrow()).ToList();
        return providers.Agents.Select(a => a.Index * 3).Select(at => (
            venue.Pair.DecodeLiquidityOf(outputs[at]),
            (BigInteger)collateral.DecodeOutput("balanceOf", outputs[at + 1])[0]!,
            (BigInteger)loan.DecodeOutput("balanceOf", outputs[at + 2])[0]!)).ToList();
    }
}
