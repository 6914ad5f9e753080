using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Engine;

/// <summary>The set-up transactions every protocol's world gives the shared agents: the arbitrageur's inventory and the bots' capital.</summary>
internal static class AgentFunding
{
    public static readonly TxOptions Gas = new() { Gas = 200_000 };

    /// <summary>An allowance no run exhausts.</summary>
    public static readonly BigInteger Unlimited = BigInteger.Pow(2, 255);

    /// <summary>Enough of each asset for the arbitrageur's whole run: its per-block capital, every block, both ways; both approved to the router.</summary>
    public static IEnumerable<TransactionRequest> Arbitrageur(Scenario scenario, MarketVenue venue, TestToken collateral, TestToken loan)
    {
        var units = WorldKit.Units(scenario);
        var inventory = units.LoanBase(scenario.Agents.Arbitrageur.CapitalPerBlock * (scenario.Blocks + 1));
        var arbitrageur = SimulationAccounts.Arbitrageur;
        var router = venue.Uniswap.Router.Address;
        yield return loan.Mint(venue.Owner, arbitrageur, inventory, Gas);
        yield return collateral.Mint(venue.Owner, arbitrageur, units.LoanToCollateral(inventory, scenario.Market.InitialPrice), Gas);
        yield return loan.Approve(arbitrageur, router, Unlimited, Gas);
        yield return collateral.Approve(arbitrageur, router, Unlimited, Gas);
    }

    /// <summary>Each bot's loan capital, approved to the protocol that takes it in a liquidation, and its collateral approved to the router for selling.</summary>
    public static IEnumerable<TransactionRequest> DebtLiquidators(IReadOnlyList<LiquidatorAgent> bots, MarketVenue venue, TestToken collateral, TestToken loan, Address protocol)
    {
        foreach (var bot in bots)
        {
            yield return loan.Mint(venue.Owner, bot.Address, bot.Config.Capital, Gas);
            yield return loan.Approve(bot.Address, protocol, Unlimited, Gas);
            yield return collateral.Approve(bot.Address, venue.Uniswap.Router.Address, Unlimited, Gas);
        }
    }
}
