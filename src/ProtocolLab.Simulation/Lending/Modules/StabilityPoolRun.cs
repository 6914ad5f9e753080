using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Liquidation;
using ProtocolLab.Simulation.Engine;
using ProtocolLab.Simulation.Scenarios;

namespace ProtocolLab.Simulation.Lending.Modules;

/// <summary>
/// A stability pool (contracts/src/liquidation/StabilityPool.sol) across one run. The batch reads the
/// pool's loan balance; a bot absorbs each liquidatable position it has watched for its reaction delay
/// while the balance (less what its earlier absorbs in the block take) covers the debt and the caller's
/// share of the collateral pays the gas and its minimum profit. Positions the pool cannot cover are
/// left to the market's own liquidation, which the market allows exactly then.
/// </summary>
internal sealed class StabilityPoolRun(LendingAdapter world, StabilityPool pool, StabilityPoolSpec spec) : ILendingModuleRun
{
    public const ulong AbsorbGas = 400_000;

    private BigInteger _balance;
    private int _absorbs;
    private double _absorbedDebt, _absorbedCollateral;
    private BigInteger _startBalance = -1;

    public IReadOnlyList<TransactionRequest> StateCalls() => [pool.BuildCall("loanBalance", [])];

    public void Observe(IReadOnlyList<byte[]> outputs)
    {
        _balance = (BigInteger)pool.DecodeOutput("loanBalance", outputs[0])[0]!;
        if (_startBalance < 0)
            _startBalance = _balance;
    }

    public RoutePlan Plan(int block, int bot, LiquidatorAgent agent, LiquidationView seen, LiquidationWatch watch, GasMarket gas, BigInteger budget)
    {
        var actions = new List<RouteAction>();
        var covered = new HashSet<int>();
        var units = world.Units;
        var available = _balance;
        var absorbGas = gas with { GasPerLiquidation = (long)AbsorbGas / 2 };
        var from = agent.Address;
        // Largest debts first: the pool covers what it can of the biggest sellers-in-waiting.
        foreach (var p in seen.Positions.Where(p => p.IsLiquidatable).OrderByDescending(p => p.Debt).ThenBy(p => p.Id))
        {
            if (p.Debt > available)
                continue;
            // The market refuses its own liquidation of a position the pool covers, whoever sends it.
            covered.Add(p.Id);
            available -= p.Debt;
            if (!watch.IsRipe(p.Id, block, agent.Config.ReactionDelayBlocks))
                continue;
            var reward = units.CollateralToLoan(ModuleRuns.TimesFraction(p.Collateral, spec.CallerShare), seen.OraclePrice);
            if (reward - absorbGas.CostInLoan(BigInteger.Zero, units) <= BigInteger.Max(agent.Config.MinProfit, BigInteger.Zero))
                continue;
            var borrower = seen.Borrowers[p.Id];
            actions.Add(new RouteAction(o => pool.Absorb(from, borrower, o), BigInteger.Zero, AbsorbGas, BigInteger.Zero));
        }

        return new RoutePlan(actions, id => !covered.Contains(id));
    }

    public void Account(int block, double fundamental, MinedBlock mined, IReadOnlyDictionary<Address, int> bots, int[] succeeded, ISet<int> acquired)
    {
        foreach (var e in pool.DecodeEvents(mined.Logs, "Absorb", StabilityPool.AbsorbEvent.From))
        {
            _absorbs++;
            _absorbedDebt += world.Units.LoanWhole(e.Debt);
            _absorbedCollateral += world.Units.CollateralWhole(e.Collateral);
            if (bots.TryGetValue(e.Caller, out var i))
            {
                succeeded[i]++;
                acquired.Add(i);
            }
        }
    }

    public IReadOnlyList<(string Metric, double? Value)> Metrics() =>
    [
        ("poolAbsorptions", _absorbs),
        ("poolAbsorbedDebt", _absorbedDebt),
        ("poolAbsorbedCollateral", _absorbedCollateral),
        ("poolDepositsUsedShare", _startBalance > 0 ? 1 - ((double)_balance / (double)_startBalance) : null),
    ];

    public void Dispose()
    {
    }
}
