using System.Numerics;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Options;

/// <summary>A liquidator bot's balances: loan asset, underlying, and longs per series.</summary>
internal sealed record OptionsBotBalances(BigInteger Loan, BigInteger Underlying, IReadOnlyList<BigInteger> Longs);

/// <summary>Everything options agents see at the start of a block, read in one JSON-RPC batch.</summary>
internal sealed record OptionsState(
    PoolReserves Pool,
    IReadOnlyList<OptionLens.PositionHealth> Positions,
    IReadOnlyList<OptionLens.SeriesView> Series,
    BigInteger SpotWad,
    BigInteger Volatility,
    IReadOnlyList<OptionsBotBalances> Liquidators,
    IReadOnlyList<BigInteger> HedgerUnderlying)
{
    public double OraclePrice => (double)SpotWad / 1e18;
}

/// <summary>The calls behind <see cref="OptionsState"/> and their decoding: lens pages of positions and series, volatility, bots' and hedgers' balances.</summary>
internal sealed class OptionsStateReader(OptionsAdapter world)
{
    private const int PageSize = 500;

    private int Pages => Math.Max(1, (world.Writers.Count + PageSize - 1) / PageSize);

    private IEnumerable<OptionWriterAgent> Hedgers => world.Writers.Where(w => w.HedgerIndex is not null);

    public IReadOnlyList<TransactionRequest> Calls()
    {
        var d = world.Deployment;
        var seriesCount = d.Series.Count;
        var calls = new List<TransactionRequest>
        {
            d.Lens.BuildCall("seriesPage", [0, seriesCount]),
            d.Volatility.BuildCall("volatility", []),
        };
        for (var page = 0; page < Pages; page++)
            calls.Add(d.Lens.BuildCall("positionsPage", [page * PageSize, PageSize]));
        foreach (var bot in world.Liquidators)
        {
            calls.Add(d.Loan.BuildCall("balanceOf", [bot.Address]));
            calls.Add(d.Underlying.BuildCall("balanceOf", [bot.Address]));
            for (var s = 0; s < seriesCount; s++)
                calls.Add(d.Vault.BuildCall("longOf", [s, bot.Address]));
        }
        foreach (var h in Hedgers)
            calls.Add(d.Underlying.BuildCall("balanceOf", [h.Address]));
        return calls;
    }

    public OptionsState Decode(IReadOnlyList<byte[]> output, PoolReserves pool)
    {
        var d = world.Deployment;
        var seriesCount = d.Series.Count;
        var series = ((object?[])d.Lens.DecodeOutput("seriesPage", output[0])[0]!).Select(x => OptionLens.SeriesView.FromAbi((object?[])x!)).ToList();
        var volatility = Uint(d.Volatility.DecodeOutput("volatility", output[1]));
        var positions = new List<OptionLens.PositionHealth>(world.Writers.Count);
        var spot = BigInteger.Zero;
        for (var page = 0; page < Pages; page++)
        {
            var values = d.Lens.DecodeOutput("positionsPage", output[2 + page]);
            positions.AddRange(((object?[])values[0]!).Select(x => OptionLens.PositionHealth.FromAbi((object?[])x!)));
            spot = (BigInteger)values[1]!;
        }
        var at = 2 + Pages;
        var bots = new List<OptionsBotBalances>();
        foreach (var _ in world.Liquidators)
        {
            var longs = Enumerable.Range(0, seriesCount).Select(s => Uint(d.Vault.DecodeOutput("longOf", output[at + 2 + s]))).ToList();
            bots.Add(new OptionsBotBalances(Uint(d.Loan.DecodeOutput("balanceOf", output[at])), Uint(d.Underlying.DecodeOutput("balanceOf", output[at + 1])), longs));
            at += 2 + seriesCount;
        }
        var hedgerUnderlying = Hedgers.Select((_, i) => Uint(d.Underlying.DecodeOutput("balanceOf", output[at + i]))).ToList();
        return new OptionsState(pool, positions, series, spot, volatility, bots, hedgerUnderlying);
    }

    private static BigInteger Uint(object?[] values) => (BigInteger)values[0]!;
}
