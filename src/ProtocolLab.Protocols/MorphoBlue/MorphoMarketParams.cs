using System.Numerics;
using ProtocolLab.Chain.Abi;
using ProtocolLab.Chain.Hex;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>
/// A Morpho Blue market's immutable parameters (IMorpho.MarketParams). The market's
/// <see cref="Id"/> is keccak256 of their ABI encoding, as MarketParamsLib.id computes it.
/// </summary>
public sealed record MorphoMarketParams(Address LoanToken, Address CollateralToken, Address Oracle, Address Irm, BigInteger Lltv)
{
    private static readonly AbiType[] Types = [AbiType.Address, AbiType.Address, AbiType.Address, AbiType.Address, AbiType.UInt256];

    public byte[] Id => Keccak256.Hash(AbiEncoder.Encode(Types, Values));

    /// <summary>The struct as the ABI codec takes a tuple argument.</summary>
    public object?[] Tuple => Values;

    private object?[] Values => [LoanToken, CollateralToken, Oracle, Irm, Lltv];
}
