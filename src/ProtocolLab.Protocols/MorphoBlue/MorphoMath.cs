using System.Numerics;

namespace ProtocolLab.Protocols.MorphoBlue;

/// <summary>
/// Morpho Blue's fixed-point rules (MathLib, SharesMathLib, ConstantsLib and the liquidation
/// formulas of Morpho.sol), rounding as Morpho rounds, so a liquidator can size a call off-chain
/// that Morpho will accept to the wei.
/// </summary>
public static class MorphoMath
{
    public static readonly BigInteger Wad = BigInteger.Pow(10, 18);

    /// <summary>ORACLE_PRICE_SCALE: IOracle.price() is loan base units per collateral base unit, times 1e36.</summary>
    public static readonly BigInteger OraclePriceScale = BigInteger.Pow(10, 36);

    /// <summary>SharesMathLib's virtual shares and assets, which keep the first share's price bounded.</summary>
    public static readonly BigInteger VirtualShares = BigInteger.Pow(10, 6);

    public static readonly BigInteger VirtualAssets = BigInteger.One;

    private static readonly BigInteger LiquidationCursor = Wad * 3 / 10;
    private static readonly BigInteger MaxLiquidationIncentiveFactor = Wad * 115 / 100;

    /// <summary>min(1.15, 1 / (1 - 0.3 x (1 - lltv))), WAD, rounded down as Morpho.liquidate computes it.</summary>
    public static BigInteger IncentiveFactor(BigInteger lltv) =>
        BigInteger.Min(MaxLiquidationIncentiveFactor, WDivDown(Wad, Wad - WMulDown(LiquidationCursor, Wad - lltv)));

    /// <summary>What a borrower owes: their shares to assets, rounded up (Morpho's _isHealthy).</summary>
    public static BigInteger BorrowedAssets(BigInteger borrowShares, MorphoBlueMarket market) =>
        ToAssetsUp(borrowShares, market.TotalBorrowAssets, market.TotalBorrowShares);

    /// <summary>collateral x price / 1e36 x LLTV, both steps rounded down: the most a position may owe and stay healthy.</summary>
    public static BigInteger MaxBorrow(BigInteger collateral, BigInteger price, BigInteger lltv) =>
        WMulDown(MulDivDown(collateral, price, OraclePriceScale), lltv);

    /// <summary>The shares a liquidation seizing <paramref name="seizedAssets"/> repays (Morpho.liquidate's seizedAssets branch).</summary>
    public static BigInteger RepaidSharesForSeized(BigInteger seizedAssets, BigInteger price, BigInteger incentiveFactor, MorphoBlueMarket market) =>
        ToSharesUp(WDivUp(MulDivUp(seizedAssets, price, OraclePriceScale), incentiveFactor), market.TotalBorrowAssets, market.TotalBorrowShares);

    /// <summary>The collateral a liquidation repaying <paramref name="repaidShares"/> seizes (Morpho.liquidate's repaidShares branch).</summary>
    public static BigInteger SeizedForRepaidShares(BigInteger repaidShares, BigInteger price, BigInteger incentiveFactor, MorphoBlueMarket market) =>
        MulDivDown(WMulDown(ToAssetsDown(repaidShares, market.TotalBorrowAssets, market.TotalBorrowShares), incentiveFactor), OraclePriceScale, price);

    /// <summary>The collateral worth <paramref name="repaidAssets"/> plus the incentive at <paramref name="price"/>, rounded down.</summary>
    public static BigInteger SeizedForRepaidAssets(BigInteger repaidAssets, BigInteger price, BigInteger incentiveFactor) =>
        MulDivDown(WMulDown(repaidAssets, incentiveFactor), OraclePriceScale, price);

    public static BigInteger ToAssetsUp(BigInteger shares, BigInteger totalAssets, BigInteger totalShares) =>
        MulDivUp(shares, totalAssets + VirtualAssets, totalShares + VirtualShares);

    public static BigInteger ToAssetsDown(BigInteger shares, BigInteger totalAssets, BigInteger totalShares) =>
        MulDivDown(shares, totalAssets + VirtualAssets, totalShares + VirtualShares);

    public static BigInteger ToSharesUp(BigInteger assets, BigInteger totalAssets, BigInteger totalShares) =>
        MulDivUp(assets, totalShares + VirtualShares, totalAssets + VirtualAssets);

    private static BigInteger MulDivDown(BigInteger x, BigInteger y, BigInteger d) => x * y / d;

    private static BigInteger MulDivUp(BigInteger x, BigInteger y, BigInteger d) => ((x * y) + (d - 1)) / d;

    private static BigInteger WMulDown(BigInteger x, BigInteger y) => MulDivDown(x, y, Wad);

    private static BigInteger WDivDown(BigInteger x, BigInteger y) => MulDivDown(x, Wad, y);

    private static BigInteger WDivUp(BigInteger x, BigInteger y) => MulDivUp(x, Wad, y);
}
