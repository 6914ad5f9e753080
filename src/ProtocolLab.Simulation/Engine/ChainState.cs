using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Engine;

/// <summary>Everything agents see at the start of a block, read in one JSON-RPC batch.</summary>
public sealed record ChainState(
    PoolReserves Pool,
    LendingLens.MarketTotals Totals,
    IReadOnlyList<LendingLens.PositionView> Positions,
    IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> LiquidatorBalances)
{
    public double OraclePrice => (double)Totals.OracleAnswer / 1e8;
}

/// <summary>Reads <see cref="ChainState"/>: pair reserves, market totals, every position in pages, bots' balances.</summary>
public sealed class ChainStateReader(SimulationWorld world)
{
    private const int PageSize = 500;

    public async Task<ChainState> ReadAsync(CancellationToken cancellationToken)
    {
        var d = world.Deployment;
        var calls = new List<TransactionRequest>
        {
            d.Pair.ReservesCall(),
            d.Lens.BuildCall("marketTotals", [d.Market.Address]),
        };
        var pages = (world.Borrowers.Count + PageSize - 1) / PageSize;
        for (var page = 0; page < pages; page++)
            calls.Add(d.Lens.BuildCall("positionsInRange", [d.Market.Address, page * PageSize, Math.Min(PageSize, world.Borrowers.Count - (page * PageSize))]));
        foreach (var bot in world.Liquidators)
        {
            calls.Add(d.Collateral.BuildCall("balanceOf", [bot.Address]));
            calls.Add(d.Loan.BuildCall("balanceOf", [bot.Address]));
        }

        var results = await d.Market.Session.Reads.CallAsync(calls, BlockTag.Latest, cancellationToken);
        var output = results.Select(r => r.GetOutputOrThrow()).ToList();

        var (collateral, loan) = d.Pair.DecodeReserves(output[0], d.Collateral.Address);
        var totals = LendingLens.MarketTotals.FromAbi((object?[])d.Lens.DecodeOutput("marketTotals", output[1])[0]!);
        var positions = new List<LendingLens.PositionView>(world.Borrowers.Count);
        for (var page = 0; page < pages; page++)
        {
            foreach (var item in (object?[])d.Lens.DecodeOutput("positionsInRange", output[2 + page])[0]!)
                positions.Add(LendingLens.PositionView.FromAbi((object?[])item!));
        }
        var balances = new List<(BigInteger, BigInteger)>();
        for (var i = 0; i < world.Liquidators.Count; i++)
        {
            var at = 2 + pages + (2 * i);
            balances.Add((Uint(d.Collateral.DecodeOutput("balanceOf", output[at])), Uint(d.Loan.DecodeOutput("balanceOf", output[at + 1]))));
        }
        return new ChainState(new PoolReserves(collateral, loan), totals, positions, balances);
    }

    private static BigInteger Uint(object?[] values) => (BigInteger)values[0]!;

    /// <summary>Positions whose collateral, at the oracle price, is worth less than their debt.</summary>
    public static int Underwater(ChainState state, MarketUnits units) =>
        state.Positions.Count(p => p.Debt > 0 && units.CollateralToLoan(p.Collateral, state.OraclePrice) < p.Debt);

    public static IReadOnlyList<Address> Addresses(ChainState state) => state.Positions.Select(p => p.Borrower).ToList();
}
