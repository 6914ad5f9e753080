using System.Numerics;

namespace ProtocolLab.Protocols.AaveV3;

/// <summary>Aave stores ratios in basis points (10000 = 100%); the rest of ProtocolLab speaks WAD.</summary>
internal static class AaveBps
{
    public const int One = 10_000;

    private static readonly BigInteger WadPerBps = Wad.One / One;

    /// <summary>A WAD ratio in bps, refused unless exact: a truncated threshold would silently move every health factor.</summary>
    public static int FromWad(BigInteger wad, string name)
    {
        if (wad.Sign < 0 || wad % WadPerBps != 0 || wad / WadPerBps > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(name, wad, "must be a non-negative whole number of basis points (a multiple of 1e14 WAD)");
        return (int)(wad / WadPerBps);
    }

    /// <summary>Aave's liquidation bonus is the seized share of the repaid value: 10000 + the bonus.</summary>
    public static int BonusFromWad(BigInteger bonus, string name) => One + FromWad(bonus, name);
}
