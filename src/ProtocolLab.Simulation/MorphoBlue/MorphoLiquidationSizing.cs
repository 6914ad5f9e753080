using System.Numerics;
using ProtocolLab.Protocols.MorphoBlue;

namespace ProtocolLab.Simulation.MorphoBlue;

/// <summary>
/// Turns a bot's "repay this much" into the one Morpho.liquidate call that the position can bear:
/// Morpho takes either the collateral to seize or the shares to repay, and reverts (underflow) when
/// either is more than the position holds. Sized on the block's start state, which holds when the
/// call lands unless another liquidation of the same position lands first (then it fails, and counts so).
/// </summary>
internal static class MorphoLiquidationSizing
{
    /// <summary>(seizedAssets, repaidShares), exactly one non-zero (both zero: nothing to liquidate).</summary>
    public static (BigInteger Seized, BigInteger RepaidShares) For(MorphoBlueState state, MorphoBluePosition position, BigInteger incentiveFactor, BigInteger repay)
    {
        if (position.Collateral.IsZero || position.BorrowShares.IsZero || state.Price.IsZero)
            return (0, 0);
        if (repay < state.Borrowed(position))
        {
            var seized = BigInteger.Min(position.Collateral, MorphoMath.SeizedForRepaidAssets(repay, state.Price, incentiveFactor));
            // Morpho charges the seized collateral's shares rounded up; past what the position owes, it is a full repayment.
            if (seized > 0 && MorphoMath.RepaidSharesForSeized(seized, state.Price, incentiveFactor, state.Market) <= position.BorrowShares)
                return (seized, 0);
        }

        // The whole debt by shares when the collateral covers it plus the incentive (no remainder, no
        // dust); otherwise all the collateral, and Morpho writes the rest off as bad debt.
        var seizedForAll = MorphoMath.SeizedForRepaidShares(position.BorrowShares, state.Price, incentiveFactor, state.Market);
        return seizedForAll <= position.Collateral ? (0, position.BorrowShares) : (position.Collateral, 0);
    }
}
