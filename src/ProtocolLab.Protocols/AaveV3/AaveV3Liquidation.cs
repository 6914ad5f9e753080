using System.Numerics;
using ProtocolLab.Chain.Contracts;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Chain.Rpc;

namespace ProtocolLab.Protocols.AaveV3;

/// <summary>
/// Aave's LiquidationCall event. <see cref="DebtToCover"/> is what was actually repaid (after the
/// close factor and the collateral cap), not what the liquidator asked for.
/// </summary>
public sealed record AaveV3Liquidation(
    Address Collateral,
    Address Debt,
    Address User,
    BigInteger DebtToCover,
    BigInteger LiquidatedCollateralAmount,
    Address Liquidator,
    bool ReceiveAToken)
{
    /// <summary>LiquidationLogic is a library the pool delegatecalls, so the event carries the pool proxy's address.</summary>
    internal static IReadOnlyList<AaveV3Liquidation> Decode(Contract pool, IEnumerable<LogEntry> logs) =>
        pool.DecodeEvents(logs, "LiquidationCall", e => new AaveV3Liquidation(
            e.Get<Address>("collateralAsset"),
            e.Get<Address>("debtAsset"),
            e.Get<Address>("user"),
            e.Get<BigInteger>("debtToCover"),
            e.Get<BigInteger>("liquidatedCollateralAmount"),
            e.Get<Address>("liquidator"),
            e.Get<bool>("receiveAToken")));
}
