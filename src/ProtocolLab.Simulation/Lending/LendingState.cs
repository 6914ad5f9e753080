using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Lending;

/// <summary>Everything lending agents see at the start of a block, read in the block's one JSON-RPC batch.</summary>
internal sealed record LendingState(
    PoolReserves Pool,
    LendingLens.MarketTotals Totals,
    IReadOnlyList<LendingLens.PositionView> Positions,
    IReadOnlyList<(BigInteger Collateral, BigInteger Loan)> LiquidatorBalances,
    MarginModelState Margin)
{
    public double OraclePrice => (double)Totals.OracleAnswer / 1e8;

    /// <summary>Positions whose collateral, at the oracle price, is worth less than their debt.</summary>
    public int Underwater(MarketUnits units) =>
        Positions.Count(p => p.Debt > 0 && units.CollateralToLoan(p.Collateral, OraclePrice) < p.Debt);
}

/// <summary>
/// The margin model as it stands: the market-wide parameters it gives a position with no depth haircut
/// (WAD), and for DynamicMargin its estimates and targets; null for a model without them.
/// </summary>
internal sealed record MarginModelState(
    BigInteger Threshold, BigInteger Bonus, BigInteger CloseFactor, BigInteger? Sigma, BigInteger? Depth, BigInteger? TargetThreshold, BigInteger? TargetBonus);

/// <summary>The calls behind <see cref="LendingState"/> and their decoding: market totals, every position in lens pages, bots' balances.</summary>
internal sealed class LendingStateReader(LendingAdapter world)
{
    private const int PageSize = 500;

    private int Pages => (world.Borrowers.Count + PageSize - 1) / PageSize;

    public IReadOnlyList<TransactionRequest> Calls()
    {
        var d = world.Deployment;
        var calls = new List<TransactionRequest> { d.Lens.BuildCall("marketTotals", [d.Market.Address]) };
        for (var page = 0; page < Pages; page++)
            calls.Add(d.Lens.BuildCall("positionsInRange", [d.Market.Address, page * PageSize, Math.Min(PageSize, world.Borrowers.Count - (page * PageSize))]));
        foreach (var bot in world.Liquidators)
        {
            calls.Add(d.Collateral.BuildCall("balanceOf", [bot.Address]));
            calls.Add(d.Loan.BuildCall("balanceOf", [bot.Address]));
        }
        calls.Add(d.MarginModel.BuildCall("params", [Address.Zero, BigInteger.Zero]));
        if (d.DynamicMargin is { } dynamic)
            calls.AddRange(DynamicReads.Select(name => dynamic.BuildCall(name, [])));
        return calls;
    }

    public LendingState Decode(IReadOnlyList<byte[]> output, PoolReserves pool)
    {
        var d = world.Deployment;
        var pages = Pages;
        var totals = LendingLens.MarketTotals.FromAbi((object?[])d.Lens.DecodeOutput("marketTotals", output[0])[0]!);
        var positions = new List<LendingLens.PositionView>(world.Borrowers.Count);
        for (var page = 0; page < pages; page++)
        {
            foreach (var item in (object?[])d.Lens.DecodeOutput("positionsInRange", output[1 + page])[0]!)
                positions.Add(LendingLens.PositionView.FromAbi((object?[])item!));
        }
        var balances = new List<(BigInteger, BigInteger)>();
        for (var i = 0; i < world.Liquidators.Count; i++)
        {
            var at = 1 + pages + (2 * i);
            balances.Add((Uint(d.Collateral.DecodeOutput("balanceOf", output[at])), Uint(d.Loan.DecodeOutput("balanceOf", output[at + 1]))));
        }
        return new LendingState(pool, totals, positions, balances, DecodeMargin(output, 1 + pages + (2 * world.Liquidators.Count)));
    }

    /// <summary>DynamicMargin's state getters, in the order <see cref="Calls"/> reads them.</summary>
    private static readonly string[] DynamicReads = ["sigma", "depth", "targetThreshold", "targetBonus"];

    private MarginModelState DecodeMargin(IReadOnlyList<byte[]> output, int at)
    {
        var d = world.Deployment;
        var p = (object?[])d.MarginModel.DecodeOutput("params", output[at])[0]!;
        var (threshold, closeFactor, bonus) = ((BigInteger)p[1]!, (BigInteger)p[2]!, (BigInteger)p[3]!);
        if (d.DynamicMargin is not { } dynamic)
            return new MarginModelState(threshold, bonus, closeFactor, null, null, null, null);
        var values = DynamicReads.Select((name, i) => Uint(dynamic.DecodeOutput(name, output[at + 1 + i]))).ToList();
        return new MarginModelState(threshold, bonus, closeFactor, values[0], values[1], values[2], values[3]);
    }

    private static BigInteger Uint(object?[] values) => (BigInteger)values[0]!;
}
