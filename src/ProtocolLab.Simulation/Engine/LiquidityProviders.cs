using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Liquidity;
using ProtocolLab.Simulation.Paths;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>A liquidity provider: its scenario entry, the account that holds its LP tokens, and its rule.</summary>
internal sealed record LiquidityProviderAgent(int Index, LiquidityProviderSpec Spec, Address Address, LiquidityFlight Flight);

/// <summary>
/// The pair's liquidity providers (agents.liquidityProviders), for any protocol: at set-up each one
/// receives its share of the LP tokens the pair's owner minted when it seeded the pair, and approves the
/// real Uniswap V2 router for them and for both tokens. Each run they watch volatility and leave
/// (removeLiquidity, all of it) or come back (addLiquidity, all they hold) through the router;
/// <see cref="LiquidityProviderRun"/> holds one run's state.
/// </summary>
internal sealed class LiquidityProviders
{
    /// <summary>Gas limit of a removeLiquidity or addLiquidity call (about 100k-190k used).</summary>
    public const ulong LiquidityGas = 400_000;

    private LiquidityProviders(IReadOnlyList<LiquidityProviderAgent> agents, Scenario scenario, MarketVenue? venue)
    {
        Agents = agents;
        Scenario = scenario;
        Venue = venue;
    }

    public IReadOnlyList<LiquidityProviderAgent> Agents { get; }

    public Scenario Scenario { get; }

    /// <summary>The pair they provide to; null when there are none.</summary>
    public MarketVenue? Venue { get; }

    public static async Task<LiquidityProviders> DeployAsync(ChainSession session, Scenario scenario, MarketVenue venue, CancellationToken cancellationToken)
    {
        var specs = scenario.Agents.LiquidityProviders;
        if (specs.Count == 0)
            return new LiquidityProviders([], scenario, null);
        var agents = specs
            .Select((spec, i) => new LiquidityProviderAgent(i, spec, SimulationAccounts.LiquidityProvider(i), new LiquidityFlight(spec.WithdrawAboveVolatility, spec.ReturnBelowVolatility)))
            .ToList();
        await session.SetBalancesAsync(agents.Select(a => a.Address).ToList(), BigInteger.Pow(10, 24), cancellationToken);

        // The owner's LP tokens are the pair's initial liquidity less the 1,000 the pair locks forever.
        var owned = venue.Pair.DecodeLiquidityOf(await session.Eth.CallAsync(venue.Pair.LiquidityOfCall(venue.Owner), BlockTag.Latest, cancellationToken));
        var router = venue.Uniswap.Router.Address;
        var collateral = new TestToken(session, venue.Collateral);
        var loan = new TestToken(session, venue.Loan);
        var txs = new List<TransactionRequest>();
        foreach (var agent in agents)
        {
            var share = new BigInteger(Math.Round(agent.Spec.Share * 1e18));
            txs.Add(venue.Pair.TransferLiquidity(venue.Owner, agent.Address, owned * share / BigInteger.Pow(10, 18), AgentFunding.Gas));
            txs.Add(venue.Pair.ApproveLiquidity(agent.Address, router, AgentFunding.Unlimited, AgentFunding.Gas));
            txs.Add(collateral.Approve(agent.Address, router, AgentFunding.Unlimited, AgentFunding.Gas));
            txs.Add(loan.Approve(agent.Address, router, AgentFunding.Unlimited, AgentFunding.Gas));
        }
        await session.MineInBlocksAsync(txs, "funding liquidity providers", cancellationToken);
        return new LiquidityProviders(agents, scenario, venue);
    }

    /// <summary>A run's providers, all in the pair, with no price seen yet.</summary>
    public LiquidityProviderRun StartRun(IPricePath path) => new(this, path);
}
