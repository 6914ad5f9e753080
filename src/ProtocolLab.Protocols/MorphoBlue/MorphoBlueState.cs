using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>A market's totals as Morpho.market(id) returns them (assets in loan base units; fee WAD).</summary>
public sealed record MorphoBlueMarket(
    BigInteger TotalSupplyAssets, BigInteger TotalSupplyShares, BigInteger TotalBorrowAssets, BigInteger TotalBorrowShares, BigInteger LastUpdate, BigInteger Fee);

/// <summary>A user's position as Morpho.position(id, user) returns it: shares, and collateral in base units.</summary>
public sealed record MorphoBluePosition(Address User, BigInteger SupplyShares, BigInteger BorrowShares, BigInteger Collateral);

/// <summary>
/// One consistent read of a market: its totals, the oracle's price and the users' positions, all at one
/// block tag. Health follows Morpho's own rule: a position is healthy while
/// collateral x price / 1e36 x LLTV (rounded down) covers its borrow shares' assets (rounded up).
/// </summary>
public sealed record MorphoBlueState(MorphoBlueMarket Market, BigInteger Price, IReadOnlyList<MorphoBluePosition> Positions)
{
    /// <summary>market(id), the oracle's price(), then position(id, user) for each user, for a caller's own batch.</summary>
    public static IReadOnlyList<TransactionRequest> Calls(MorphoBlueDeployment market, IReadOnlyList<Address> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var id = market.Params.Id;
        var calls = new List<TransactionRequest>(users.Count + 2)
        {
            market.Morpho.BuildCall("market", [id]),
            market.Oracle.BuildCall("price", []),
        };
        calls.AddRange(users.Select(user => market.Morpho.BuildCall("position", [id, user])));
        return calls;
    }

    /// <summary>The outputs of <see cref="Calls"/>, in order.</summary>
    public static MorphoBlueState Decode(MorphoBlueDeployment market, IReadOnlyList<Address> users, IReadOnlyList<byte[]> outputs)
    {
        var m = market.Morpho.DecodeOutput("market", outputs[0]);
        var totals = new MorphoBlueMarket((BigInteger)m[0]!, (BigInteger)m[1]!, (BigInteger)m[2]!, (BigInteger)m[3]!, (BigInteger)m[4]!, (BigInteger)m[5]!);
        var price = (BigInteger)market.Oracle.DecodeOutput("price", outputs[1])[0]!;
        var positions = users.Select((user, i) =>
        {
            var p = market.Morpho.DecodeOutput("position", outputs[i + 2]);
            return new MorphoBluePosition(user, (BigInteger)p[0]!, (BigInteger)p[1]!, (BigInteger)p[2]!);
        }).ToList();
        return new MorphoBlueState(totals, price, positions);
    }

    internal static async Task<MorphoBlueState> ReadAsync(MorphoBlueDeployment market, IReadOnlyList<Address> users, BlockTag block, CancellationToken cancellationToken)
    {
        var results = await market.Session.Reads.CallAsync(Calls(market, users), block, cancellationToken).ConfigureAwait(false);
        return Decode(market, users, results.Select(r => r.GetOutputOrThrow()).ToList());
    }

    /// <summary>What the position owes, loan base units, rounded up as Morpho's health check rounds it.</summary>
    public BigInteger Borrowed(MorphoBluePosition position) => MorphoMath.BorrowedAssets(position.BorrowShares, Market);

    /// <summary>False once Morpho would let the position be liquidated.</summary>
    public bool IsHealthy(MorphoBluePosition position, BigInteger lltv) => MorphoMath.MaxBorrow(position.Collateral, Price, lltv) >= Borrowed(position);
}
