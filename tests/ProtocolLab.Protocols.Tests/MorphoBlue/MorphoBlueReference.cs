using System.Numerics;

namespace ProtocolLab.Protocols.Tests.MorphoBlue;

/// <summary>
/// Morpho Blue's share accounting, health rule and liquidation written down independently from
/// Morpho.sol 1.0.0 (liquidate, _isHealthy) and SharesMathLib (virtual shares 1e6, virtual assets 1),
/// with its rounding, as a small state machine over one market's borrow totals and supply assets. No
/// interest (the zero IRM), no fee.
/// </summary>
internal sealed class MorphoBlueReference(BigInteger lltv)
{
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    public static readonly BigInteger PriceScale = BigInteger.Pow(10, 36);
    private static readonly BigInteger VirtualShares = BigInteger.Pow(10, 6);

    public BigInteger TotalBorrowAssets { get; private set; }

    public BigInteger TotalBorrowShares { get; private set; }

    public BigInteger TotalSupplyAssets { get; set; }

    /// <summary>min(1.15, 1 / (1 - 0.3 (1 - LLTV))), each WAD step rounded down.</summary>
    public BigInteger IncentiveFactor => BigInteger.Min(Wad * 115 / 100, Wad * Wad / (Wad - (Wad * 3 / 10 * (Wad - lltv) / Wad)));

    /// <summary>A borrow by assets: its shares round up.</summary>
    public BigInteger Borrow(BigInteger assets)
    {
        var shares = Up(assets * (TotalBorrowShares + VirtualShares), TotalBorrowAssets + 1);
        TotalBorrowAssets += assets;
        TotalBorrowShares += shares;
        return shares;
    }

    public BigInteger Borrowed(BigInteger shares) => Up(shares * (TotalBorrowAssets + 1), TotalBorrowShares + VirtualShares);

    public bool IsHealthy(BigInteger collateral, BigInteger shares, BigInteger price) => collateral * price / PriceScale * lltv / Wad >= Borrowed(shares);

    /// <summary>The collateral a repayment of every share would seize (reverts on-chain when more than the position holds).</summary>
    public BigInteger SeizedForShares(BigInteger shares, BigInteger price) =>
        shares * (TotalBorrowAssets + 1) / (TotalBorrowShares + VirtualShares) * IncentiveFactor / Wad * PriceScale / price;

    /// <summary>Applies one liquidation, by seized collateral or by repaid shares (exactly one non-zero), as Morpho.liquidate does.</summary>
    public Outcome Liquidate(ref (BigInteger Collateral, BigInteger Shares) position, BigInteger seized, BigInteger repaidShares, BigInteger price)
    {
        if (seized > 0)
            repaidShares = Up(Up(Up(seized * price, PriceScale) * Wad, IncentiveFactor) * (TotalBorrowShares + VirtualShares), TotalBorrowAssets + 1);
        else
            seized = SeizedForShares(repaidShares, price);
        var repaidAssets = Up(repaidShares * (TotalBorrowAssets + 1), TotalBorrowShares + VirtualShares);
        position.Shares -= repaidShares;
        TotalBorrowShares -= repaidShares;
        TotalBorrowAssets = BigInteger.Max(0, TotalBorrowAssets - repaidAssets);
        position.Collateral -= seized;
        BigInteger badShares = 0, badAssets = 0;
        if (position.Collateral.IsZero)
        {
            badShares = position.Shares;
            badAssets = BigInteger.Min(TotalBorrowAssets, Up(badShares * (TotalBorrowAssets + 1), TotalBorrowShares + VirtualShares));
            TotalBorrowAssets -= badAssets;
            TotalSupplyAssets -= badAssets;
            TotalBorrowShares -= badShares;
            position.Shares = 0;
        }
        return new Outcome(repaidAssets, repaidShares, seized, badAssets, badShares);
    }

    private static BigInteger Up(BigInteger numerator, BigInteger denominator) => (numerator + denominator - 1) / denominator;

    internal sealed record Outcome(BigInteger RepaidAssets, BigInteger RepaidShares, BigInteger Seized, BigInteger BadDebtAssets, BigInteger BadDebtShares);
}
