using System.Numerics;
using ProtocolLab.Chain.Artifacts;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>A competing arbitrageur: its scenario entry, the account it sends from and its contract, which holds its inventory.</summary>
internal sealed record ArbitrageurAgent(int Index, CompetingArbitrageurSpec Spec, Address Operator, PairArbitrageur Contract);

/// <summary>
/// The competing arbitrageurs of a world (agents.arbitrageurs), for any protocol: deployed once at
/// set-up next to the protocol's pair, each a <c>PairArbitrageur</c> holding its inventory. Every
/// block each one sends one call that trades the pair toward the external price it sees (the
/// fundamental price <c>LatencyBlocks</c> ago), sized on chain when the call executes, so its place in
/// the fee-ordered block decides what it finds: ahead of or behind the forced sales.
/// </summary>
internal sealed class ArbitrageDesk
{
    /// <summary>Gas limit of one arbitrage call (a real one uses about 90k: two reads, a transfer, a swap).</summary>
    public const ulong ArbitrageGas = 250_000;

    /// <summary>The gas a trade is expected to use, which it must pay for out of its profit.</summary>
    public const ulong ExpectedGasUsed = 110_000;

    private readonly MarketUnits _units;

    private ArbitrageDesk(IReadOnlyList<ArbitrageurAgent> agents, MarketUnits units)
    {
        Agents = agents;
        _units = units;
    }

    public static ArbitrageDesk Empty { get; } = new([], new MarketUnits(18, 18));

    public IReadOnlyList<ArbitrageurAgent> Agents { get; }

    /// <summary>The arbitrageurs' contracts, whose events the block's logs carry.</summary>
    public IReadOnlyList<Address> EventSources => Agents.Select(a => a.Contract.Address).ToList();

    /// <summary>Deploys each arbitrageur's contract and gives it its inventory of both assets (loan value each, at the initial price).</summary>
    public static async Task<ArbitrageDesk> DeployAsync(ChainSession session, ArtifactStore artifacts, Scenario scenario, MarketVenue venue, CancellationToken cancellationToken)
    {
        var specs = scenario.Agents.Arbitrageurs;
        if (specs.Count == 0)
            return Empty;
        var units = WorldKit.Units(scenario);
        var agents = new List<ArbitrageurAgent>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var operatorAddress = SimulationAccounts.CompetingArbitrageur(i);
            var contract = await PairArbitrageur.DeployAsync(session, artifacts, venue.Owner, venue.Pair.Address, venue.Collateral, operatorAddress, cancellationToken: cancellationToken);
            agents.Add(new ArbitrageurAgent(i, specs[i], operatorAddress, contract));
        }
        await session.SetBalancesAsync(agents.Select(a => a.Operator).ToList(), BigInteger.Pow(10, 24), cancellationToken);

        var collateral = new TestToken(session, venue.Collateral);
        var loan = new TestToken(session, venue.Loan);
        var txs = new List<TransactionRequest>();
        foreach (var agent in agents)
        {
            var inventory = units.LoanBase(agent.Spec.Inventory ?? (agent.Spec.CapitalPerBlock * (scenario.Blocks + 1)));
            txs.Add(loan.Mint(venue.Owner, agent.Contract.Address, inventory, AgentFunding.Gas));
            txs.Add(collateral.Mint(venue.Owner, agent.Contract.Address, units.LoanToCollateral(inventory, scenario.Market.InitialPrice), AgentFunding.Gas));
        }
        await session.MineInBlocksAsync(txs, "funding arbitrageurs", cancellationToken);
        return new ArbitrageDesk(agents, units);
    }

    /// <summary>Each arbitrageur's call for <paramref name="block"/>, against the external price it sees then; gas at <paramref name="baseFeeWei"/> plus its tip.</summary>
    public void Plan(int block, IPricePath path, BigInteger baseFeeWei, List<TransactionRequest> txs)
    {
        foreach (var agent in Agents)
        {
            var spec = agent.Spec;
            var reference = path.PriceAt(Math.Max(0, block - spec.LatencyBlocks));
            var (numerator, denominator) = ReferenceRatio(reference);
            var capital = _units.LoanBase(spec.CapitalPerBlock);
            var options = spec.BackRun ? Tips.BackRunner(agent.Index, ArbitrageGas) : Tips.CompetingArbitrageur(spec.PriorityFeeGwei, agent.Index, ArbitrageGas);
            // Its gas, at the collateral's external price (ether is the collateral in every shipped world), must be paid out of the profit.
            var gasCost = _units.LoanBase((double)((baseFeeWei + options.MaxPriorityFeePerGas!.Value) * ExpectedGasUsed) / 1e18 * reference);
            var minProfit = _units.LoanBase(spec.MinProfit) + gasCost;
            txs.Add(agent.Contract.Arbitrage(agent.Operator, numerator, denominator, capital, _units.LoanToCollateral(capital, reference), minProfit, options));
        }
    }

    /// <summary>The arbitrageurs' trades in a mined block, as (collateral sold, collateral bought) in whole units.</summary>
    public (double Sold, double Bought) Trades(IReadOnlyList<LogEntry> logs)
    {
        double sold = 0, bought = 0;
        foreach (var agent in Agents)
        {
            foreach (var e in agent.Contract.DecodeEvents(logs, "Arbitraged", PairArbitrageur.ArbitragedEvent.From))
            {
                if (e.SellCollateral)
                    sold += _units.CollateralWhole(e.AmountIn);
                else
                    bought += _units.CollateralWhole(e.AmountOut);
            }
        }
        return (sold, bought);
    }

    /// <summary>A price in whole loan units per collateral unit as a ratio of base units, at the feed's 8 decimals.</summary>
    private (BigInteger Numerator, BigInteger Denominator) ReferenceRatio(double price) =>
        (TokenUnits.ToBaseUnits(price, MarketUnits.PriceDecimals) * TokenUnits.Pow10(_units.LoanDecimals),
         TokenUnits.Pow10(MarketUnits.PriceDecimals + _units.CollateralDecimals));
}
