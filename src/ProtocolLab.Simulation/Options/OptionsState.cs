using System.Numerics;
using ProtocolLab.Chain.Rpc;
using ProtocolLab.Protocols.Bindings;
using ProtocolLab.Simulation.Agents.Uniswap;

namespace ProtocolLab.Simulation.Options;

/// <summary>A liquidator bot's balances: loan asset, underlying, and longs per series.</summary>
public sealed record OptionsBotBalances(BigInteger Loan, BigInteger Underlying, IReadOnlyList<BigInteger> Longs);

/// <summary>Everything options agents see at the start of a block, read in one JSON-RPC batch.</summary>
public sealed record OptionsState(
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

/// <summary>Reads <see cref="OptionsState"/>: pair, lens pages of positions and series, volatility, bots' and hedgers' balances.</summary>
public sealed class OptionsStateReader(OptionsWorld world)
{
    private const int PageSize = 500;

    public async Task<OptionsState> ReadAsync(CancellationToken cancellationToken)
    {
        var d = world.Deployment;
        var seriesCount = d.Series.Count;
        var pages = (world.Writers.Count + PageSize - 1) / PageSize;
        var calls = new List<TransactionRequest>
        {
            d.Pair.ReservesCall(),
            d.Lens.BuildCall("seriesPage", [0, seriesCount]),
            d.Volatility.BuildCall("volatility", []),
        };
        for (var page = 0; page < Math.Max(1, pages); page++)
            calls.Add(d.Lens.BuildCall("positionsPage", [page * PageSize, PageSize]));
        foreach (var bot in world.Liquidators)
        {
            calls.Add(d.Loan.BuildCall("balanceOf", [bot.Address]));
            calls.Add(d.Underlying.BuildCall("balanceOf", [bot.Address]));
            for (var s = 0; s < seriesCount; s++)
                calls.Add(d.Vault.BuildCall("longOf", [s, bot.Address]));
        }
        var hedgers = world.Writers.Where(w => w.HedgerIndex is not null).ToList();
        foreach (var h in hedgers)
            calls.Add(d.Underlying.BuildCall("balanceOf", [h.Address]));

        var output = (await d.Session.Reads.CallAsync(calls, BlockTag.Latest, cancellationToken)).Select(r => r.GetOutputOrThrow()).ToList();
        var (underlying, loan) = d.Pair.DecodeReserves(output[0], d.Underlying.Address);
        var series = ((object?[])d.Lens.DecodeOutput("seriesPage", output[1])[0]!).Select(x => OptionLens.SeriesView.FromAbi((object?[])x!)).ToList();
        var volatility = Uint(d.Volatility.DecodeOutput("volatility", output[2]));
        var positions = new List<OptionLens.PositionHealth>(world.Writers.Count);
        var spot = BigInteger.Zero;
        for (var page = 0; page < Math.Max(1, pages); page++)
        {
            var values = d.Lens.DecodeOutput("positionsPage", output[3 + page]);
            positions.AddRange(((object?[])values[0]!).Select(x => OptionLens.PositionHealth.FromAbi((object?[])x!)));
            spot = (BigInteger)values[1]!;
        }
        var at = 3 + Math.Max(1, pages);
        var bots = new List<OptionsBotBalances>();
        foreach (var _ in world.Liquidators)
        {
            var longs = Enumerable.Range(0, seriesCount).Select(s => Uint(d.Vault.DecodeOutput("longOf", output[at + 2 + s]))).ToList();
            bots.Add(new OptionsBotBalances(Uint(d.Loan.DecodeOutput("balanceOf", output[at])), Uint(d.Underlying.DecodeOutput("balanceOf", output[at + 1])), longs));
            at += 2 + seriesCount;
        }
        var hedgerUnderlying = hedgers.Select((_, i) => Uint(d.Underlying.DecodeOutput("balanceOf", output[at + i]))).ToList();
        return new OptionsState(new PoolReserves(underlying, loan), positions, series, spot, volatility, bots, hedgerUnderlying);
    }

    private static BigInteger Uint(object?[] values) => (BigInteger)values[0]!;
}
