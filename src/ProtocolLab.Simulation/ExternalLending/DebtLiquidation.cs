using System.Numerics;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Simulation.ExternalLending;

/// <summary>
/// One liquidation event of an external debt protocol, base units: whose position, which caller,
/// the collateral seized, the debt repaid, and the debt the protocol wrote off in it (0 on a
/// protocol that leaves it on the position).
/// </summary>
internal sealed record DebtLiquidation(Address Borrower, Address Liquidator, BigInteger Seized, BigInteger Repaid, BigInteger WrittenOff);
