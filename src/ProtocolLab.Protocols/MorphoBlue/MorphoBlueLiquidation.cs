using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>
/// Morpho's Liquidate event: what the liquidator repaid and seized, and the bad debt the liquidation
/// realized (non-zero only when it took the last of the collateral: Morpho then writes the rest of the
/// debt off against the market's suppliers).
/// </summary>
public sealed record MorphoBlueLiquidation(
    Address Caller,
    Address Borrower,
    BigInteger RepaidAssets,
    BigInteger RepaidShares,
    BigInteger SeizedAssets,
    BigInteger BadDebtAssets,
    BigInteger BadDebtShares)
{
    /// <summary>One Morpho singleton serves every market, so the event's indexed id picks this market's.</summary>
    internal static IReadOnlyList<MorphoBlueLiquidation> Decode(Contract morpho, byte[] marketId, IEnumerable<LogEntry> logs) =>
        morpho.DecodeEvents(logs, "Liquidate", e => (Id: e.Get<byte[]>("id"), Liquidation: new MorphoBlueLiquidation(
                e.Get<Address>("caller"),
                e.Get<Address>("borrower"),
                e.Get<BigInteger>("repaidAssets"),
                e.Get<BigInteger>("repaidShares"),
                e.Get<BigInteger>("seizedAssets"),
                e.Get<BigInteger>("badDebtAssets"),
                e.Get<BigInteger>("badDebtShares"))))
            .Where(x => x.Id.AsSpan().SequenceEqual(marketId))
            .Select(x => x.Liquidation)
            .ToList();
}
