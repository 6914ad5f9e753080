using System.Numerics;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Borrowers;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Randomness;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Lending;

/// <summary>
/// Margin-call responses as transactions. A top-up is new collateral from outside (the owner mints it,
/// the borrower deposits it). A deleverage repays debt from the borrowed cash the borrower holds, then
/// withdraws what the initial LTV still allows and sells it on the pair: the forced selling of the
/// background section.
/// </summary>
internal sealed class BorrowerActions(LendingAdapter world, SeededRandom random)
{
    private const ulong Gas = 400_000;

    public void Plan(LendingState state, IReadOnlyList<PositionSnapshot> positions, List<TransactionRequest> txs)
    {
        var d = world.Deployment;
        var initialLtvGap = world.Design.Base.LiquidationThreshold - world.Design.Base.InitialLtv;
        for (var i = 0; i < state.Positions.Count; i++)
        {
            var view = state.Positions[i];
            var agent = world.BorrowerByAddress[view.Borrower];
            if (agent.Borrower.Behaviour is PassiveBehaviourSpec)
                continue;
            var threshold = (double)view.LiquidationThreshold / 1e18;
            var action = BorrowerResponse.Respond(agent.Borrower, positions[i], threshold, state.OraclePrice, world.Units, random);
            var tip = Tips.Borrower(agent.Borrower.Id, Gas);
            switch (action)
            {
                case TopUpAction topUp:
                    txs.Add(d.Collateral.Mint(world.Owner, agent.Address, topUp.CollateralToAdd, Tips.Keeper(Gas)));
                    txs.Add(d.Market.DepositCollateral(agent.Address, topUp.CollateralToAdd, tip));
                    break;
                case DeleverageAction deleverage:
                    var repay = BigInteger.Min(view.Debt, world.Units.CollateralToLoan(deleverage.CollateralToSell, state.OraclePrice) * 98 / 100);
                    if (repay <= 0)
                        break;
                    txs.Add(d.Market.Repay(agent.Address, repay, tip));
                    var withdraw = Withdrawable(view, repay, threshold - initialLtvGap, state.OraclePrice, deleverage.CollateralToSell);
                    if (withdraw <= 0)
                        break;
                    txs.Add(d.Market.WithdrawCollateral(agent.Address, withdraw, tip));
                    txs.Add(d.Uniswap.SwapExactIn(agent.Address, d.Collateral.Address, d.Loan.Address, withdraw, BigInteger.Zero, tip));
                    break;
            }
        }
    }

    /// <summary>Collateral the position can release after the repayment and stay within its initial LTV (1% margin).</summary>
    private BigInteger Withdrawable(LendingLens.PositionView view, BigInteger repay, double initialLtv, double price, BigInteger wanted)
    {
        if (initialLtv <= 0)
            return BigInteger.Zero;
        var remainingDebt = view.Debt - repay;
        var needed = world.Units.LoanToCollateral(remainingDebt, price * initialLtv);
        var free = view.Collateral - needed;
        return BigInteger.Max(BigInteger.Zero, BigInteger.Min(wanted, free) * 99 / 100);
    }
}
