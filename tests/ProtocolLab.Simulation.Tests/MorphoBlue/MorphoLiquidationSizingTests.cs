using System.Numerics;
using ProtocolLab.Chain.Hex;
using ProtocolLab.Protocols.MorphoBlue;
using ProtocolLab.Simulation.MorphoBlue;

namespace ProtocolLab.Simulation.Tests.MorphoBlue;

/// <summary>The three calls a bot's repay becomes on Morpho, on a WETH/USDC market at 1,500 USDC, LLTV 86% (incentive 1.0438).</summary>
public sealed class MorphoLiquidationSizingTests
{
    private static readonly BigInteger Weth = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdc = BigInteger.Pow(10, 6);
    private static readonly BigInteger Price = 1_500 * BigInteger.Pow(10, 24);
    private static readonly BigInteger Incentive = MorphoMath.IncentiveFactor(BigInteger.Parse("860000000000000000"));

    [Fact]
    public void For_RepayBelowTheDebt_SeizesItsWorthPlusTheIncentive()
    {
        // Given 10 WETH owing 13,500 USDC, When a bot repays 5,000 USDC
        var (state, position) = Market(10 * Weth, 13_500 * Usdc);
        var (seized, shares) = MorphoLiquidationSizing.For(state, position, Incentive, 5_000 * Usdc);

        // Then it seizes 5,000 x 1.0438 / 1,500 WETH, and Morpho charges about those 5,000 USDC of shares
        Assert.Equal(0, shares);
        Assert.Equal(MorphoMath.SeizedForRepaidAssets(5_000 * Usdc, Price, Incentive), seized);
        var charged = MorphoMath.ToAssetsUp(MorphoMath.RepaidSharesForSeized(seized, Price, Incentive, state.Market), state.Market.TotalBorrowAssets, state.Market.TotalBorrowShares);
        Assert.InRange(charged, (5_000 * Usdc) - 1, 5_000 * Usdc);
    }

    [Fact]
    public void For_WholeDebtTheCollateralCovers_RepaysEveryShare()
    {
        // Given 10 WETH (15,000 USDC) owing 13,500 USDC: 13,500 x 1.0438 = 14,092 of collateral covers it
        var (state, position) = Market(10 * Weth, 13_500 * Usdc);

        // When a bot asks for all of it, Then the call repays every share and leaves collateral behind
        Assert.Equal((BigInteger.Zero, position.BorrowShares), MorphoLiquidationSizing.For(state, position, Incentive, BigInteger.Pow(2, 256) - 1));
        Assert.True(MorphoMath.SeizedForRepaidShares(position.BorrowShares, Price, Incentive, state.Market) < position.Collateral);
    }

    [Fact]
    public void For_WholeDebtPastTheCollateral_SeizesAllOfItAndRepaysLessThanEveryShare()
    {
        // Given 10 WETH (15,000 USDC) owing 14,500 USDC: 14,500 x 1.0438 = 15,136 is more than the collateral
        var (state, position) = Market(10 * Weth, 14_500 * Usdc);

        // When a bot asks for all of it, Then the call seizes all the collateral (by shares it would underflow),
        // repaying fewer shares than the position owes: Morpho writes the rest off
        Assert.Equal((position.Collateral, BigInteger.Zero), MorphoLiquidationSizing.For(state, position, Incentive, 14_500 * Usdc));
        Assert.True(MorphoMath.RepaidSharesForSeized(position.Collateral, Price, Incentive, state.Market) < position.BorrowShares);
    }

    /// <summary>One borrower, borrowed by assets into an empty market: shares are 1e6 per asset (virtual shares).</summary>
    private static (MorphoBlueState State, MorphoBluePosition Position) Market(BigInteger collateral, BigInteger debt)
    {
        var shares = debt * MorphoMath.VirtualShares;
        var market = new MorphoBlueMarket(1_000_000 * Usdc, 1_000_000 * Usdc * MorphoMath.VirtualShares, debt, shares, 1, 0);
        var position = new MorphoBluePosition(new Address(new byte[20]), 0, shares, collateral);
        return (new MorphoBlueState(market, Price, [position]), position);
    }
}
