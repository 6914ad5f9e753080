// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title Errors
/// @notice Every custom error of ProtocolLab's contracts, in one place so harnesses decode reverts by selector.
library Errors {
    // ---- shared input checks ----
    /// @notice An amount argument was zero where a positive amount is required.
    error AmountIsZero();
    /// @notice An address argument was the zero address.
    error AddressIsZero();

    // ---- tokens ----
    /// @notice The caller is neither the owner nor an approved minter of the test token.
    error CallerIsNotMinter(address caller);

    // ---- lending market ----
    /// @notice The market's free cash (supply minus borrows, insurance excluded) cannot serve the request.
    error InsufficientLiquidity(uint256 available, uint256 requested);
    /// @notice The lender asked to withdraw more than their supply balance.
    error WithdrawExceedsSupplyBalance(uint256 balance, uint256 requested);
    /// @notice The borrower asked to withdraw more collateral than they deposited.
    error WithdrawExceedsCollateral(uint256 collateral, uint256 requested);
    /// @notice After the action the debt would exceed collateral value x initial LTV.
    error DebtExceedsMaxLtv(uint256 debt, uint256 maxDebt);
    /// @notice The account has no debt to repay or liquidate.
    error PositionHasNoDebt();
    /// @notice The account asked to repay more borrow shares than it owes.
    error RepayExceedsDebtShares(uint256 shares, uint256 requested);
    /// @notice Only the market's liquidation module may take or write off positions.
    error CallerIsNotLiquidationModule(address caller);
    /// @notice The liquidation module cannot be replaced while it still owes the market these borrow shares.
    error LiquidationModuleHoldsDebt(uint256 shares);
    /// @notice The market's liquidation module takes this position; liquidate through it.
    error LiquidationRoutedToModule(address module);
    /// @notice A liquidator tried to liquidate their own position.
    error SelfLiquidation();
    /// @notice The position's health factor is at or above 1 (WAD), so it cannot be liquidated.
    error PositionNotLiquidatable(uint256 healthFactor);
    /// @notice The collateral cannot cover debt plus bonus, so the liquidation must take all of it.
    error PartialLiquidationOfInsolventPosition(uint256 requiredRepay);
    /// @notice The liquidation would leave a non-zero debt below the market's dust threshold.
    error LiquidationWouldLeaveDust(uint256 remainingDebt, uint256 dustThreshold);
    /// @notice The oracle answer is older than the market's maximum oracle age.
    error OracleAnswerStale(uint256 updatedAt, uint256 maxAge);
    /// @notice The oracle answered zero or a negative price.
    error OracleAnswerNonPositive(int256 answer);
    /// @notice The oracle answer exceeds the range the market's fixed-point math supports (1e36).
    error OracleAnswerTooLarge(int256 answer);
    /// @notice A share parameter (insurance share, close factor, ...) is above 1 (WAD).
    error ShareAboveOne(uint256 share);
    /// @notice The maximum oracle age must be positive.
    error MaxOracleAgeIsZero();
    /// @notice The kink of the rate model must lie strictly between 0 and 1 (WAD).
    error KinkOutOfRange(uint256 kink);
    /// @notice An oracle with more than 18 decimals is not supported.
    error OracleDecimalsTooLarge(uint8 decimals);

    // ---- oracles ----
    /// @notice Only the keeper may push answers to this feed.
    error CallerIsNotKeeper(address caller);
    /// @notice The requested round does not exist on this feed.
    error RoundNotFound(uint80 roundId);
    /// @notice The Uniswap V2 pair has an empty reserve, so it has no price.
    error PairHasNoLiquidity();
    /// @notice The token is neither token0 nor token1 of the pair.
    error TokenNotInPair(address token);
    /// @notice The TWAP has no observation old enough to average over; poke first.
    error TwapObservationMissing();
    /// @notice The TWAP window must be a positive multiple of the granularity.
    error TwapWindowInvalid(uint256 windowSize, uint256 granularity);
    /// @notice A token with more than 18 decimals is not supported by the price conversion.
    error TokenDecimalsTooLarge(uint8 decimals);
    /// @notice A median feed takes an odd number of sources from 3 to 7.
    error MedianSourceCountInvalid(uint256 count);
    /// @notice Every source of a composed feed must answer with the same decimals.
    error SourceDecimalsMismatch(address source, uint8 decimals, uint8 expected);
    /// @notice A median feed's deviation guard must be positive and at most 10 (WAD, 1000%).
    error MaxDeviationOutOfRange(uint256 maxDeviation);
    /// @notice A delay module's hop must be positive.
    error DelayHopIsZero();

    // ---- margin models ----
    /// @notice Liquidation threshold must be in (0, 1], above the LTV, and threshold x (1 + bonus) < 1.
    error MarginThresholdInvalid(uint256 liquidationThreshold);
    /// @notice TieredMargin: bands must have health thresholds in (0, 1], strictly falling; at most 4.
    error HealthBandsInvalid(uint256 index);
    /// @notice TieredMargin: bound to its market already, or bound by someone other than its deployer.
    error MarginModelBindRefused();
    /// @notice Initial LTV must not exceed the liquidation threshold.
    error LtvAboveLiquidationThreshold(uint256 ltv, uint256 liquidationThreshold);
    /// @notice Close factor must be in (0, 1].
    error CloseFactorOutOfRange(uint256 closeFactor);
    /// @notice threshold x (1 + bonus) must be below 1 so a liquidation can restore health.
    error BonusTooLargeForThreshold(uint256 bonus, uint256 liquidationThreshold);
    /// @notice Minimum bound above maximum bound.
    error BoundsInverted(uint256 min, uint256 max);
    /// @notice The EWMA decay must be below 1 (WAD).
    error EwmaDecayOutOfRange(uint256 decay);
    /// @notice The cap on one round's return must be positive and at most DynamicMargin.MAX_RETURN.
    error ReturnCapOutOfRange(uint256 maxReturnPerRound);
    /// @notice The depth sensitivity would let added collateral lower capacity; it must be <= minThreshold - ltvGap.
    error DepthSensitivityTooHigh(uint256 depthSensitivity, uint256 maxDepthSensitivity);

    // ---- agents ----
    /// @notice Only the arbitrageur's operator may trade its inventory.
    error CallerIsNotOperator(address caller);
    /// @notice The reference price of an arbitrage must be a positive ratio.
    error ReferencePriceIsZero();
    /// @notice A circuit breaker's largest tolerated move must be in (0, 1) (WAD).
    error MaxMoveOutOfRange(uint256 maxMove);
    /// @notice A circuit breaker's window must be 1 .. 256 blocks.
    error WindowOutOfRange(uint256 windowBlocks);
    /// @notice The market's guard (a circuit breaker) has paused liquidations.
    error LiquidationsPaused();
    /// @notice The market's guard (a circuit breaker) has paused borrowing.
    error BorrowingPaused();

    // ---- dutch auction ----
    /// @notice A Dutch auction parameter is out of its range (DutchAuctionParams names them).
    error AuctionParameterOutOfRange(string parameter, uint256 value);
    /// @notice No auction with this id is running (never kicked, or ended).
    error AuctionNotRunning(uint256 id);
    /// @notice The auction is older than `tail` or below `cusp` of its start price: reset it first.
    error AuctionNeedsReset(uint256 id);
    /// @notice The auction is fresh: it cannot be reset.
    error AuctionDoesNotNeedReset(uint256 id);
    /// @notice The auction's price now is above the taker's limit (oracle format).
    error AuctionPriceAboveMax(uint256 price, uint256 maxPrice);

    // ---- stability pool ----
    /// @notice The stability pool's loan balance cannot repay the position's whole debt (loan-token units);
    ///         the market's own liquidation is the fallback.
    error PoolCannotCover(uint256 balance, uint256 debt);
    /// @notice The caller's share of an absorbed position's collateral is above the cap (WAD).
    error CallerShareTooLarge(uint256 callerShare, uint256 maxCallerShare);
    /// @notice The deposit is too small to mint one share at the pool's value.
    error DepositMintsNoShares(uint256 assets);
    /// @notice Shares are outstanding but the pool holds nothing, so a deposit cannot be priced.
    error PoolHasNoValue(uint256 totalShares);
    /// @notice The depositor asked to withdraw more pool shares than it holds.
    error WithdrawExceedsShares(uint256 shares, uint256 requested);

    // ---- EnglishAuction ----
    /// @notice An English auction's minimum bid increase must be above 1 (WAD).
    error BegOutOfRange(uint256 beg);
    /// @notice An English auction's bid lifetime and maximum length must be positive and fit 32 bits (seconds).
    error EnglishAuctionDurationOutOfRange(uint256 duration);
    /// @notice An English auction's liquidation penalty factor must be at least 1 (WAD).
    error EnglishAuctionChopBelowOne(uint256 chop);
    /// @notice The liquidation module cannot auction its own market account (it holds every running auction's debt).
    error EnglishAuctionCannotKickItself();
    /// @notice No running auction has this id (never kicked, or already dealt).
    error EnglishAuctionNotFound(uint256 id);
    /// @notice The current bid expired at `tic` (seconds): the auction can only be dealt.
    error EnglishAuctionBidExpired(uint256 id, uint256 tic);
    /// @notice The auction reached its `end` (seconds): it can only be dealt, or ticked if nobody bid.
    error EnglishAuctionEnded(uint256 id, uint256 end);
    /// @notice A tend must bid for the whole current lot.
    error LotMismatch(uint256 lot, uint256 currentLot);
    /// @notice A tend may not bid above the tab (loan-token units).
    error BidAboveTab(uint256 bid, uint256 tab);
    /// @notice A tend must raise the current bid (loan-token units).
    error BidNotHigher(uint256 bid, uint256 currentBid);
    /// @notice A tend below the tab must be at least `minimumBid` = current bid x beg, rounded up.
    error BidIncreaseTooSmall(uint256 bid, uint256 minimumBid);
    /// @notice The dent phase starts once the bid reached the tab.
    error TendPhaseNotOver(uint256 currentBid, uint256 tab);
    /// @notice A dent bids exactly the tab (loan-token units).
    error DentBidNotTab(uint256 bid, uint256 tab);
    /// @notice A dent must lower the collateral accepted for the tab.
    error LotNotLower(uint256 lot, uint256 currentLot);
    /// @notice A dent must accept at most `maximumLot` = current lot / beg, rounded down.
    error LotDecreaseTooSmall(uint256 lot, uint256 maximumLot);
    /// @notice The auction has no bid yet, or its bid has not expired and it has not reached its end.
    error EnglishAuctionNotFinished(uint256 id);
    /// @notice Only an auction past its `end` (seconds) can be restarted.
    error EnglishAuctionNotEnded(uint256 id, uint256 end);
    /// @notice Only an auction nobody bid on can be restarted.
    error EnglishAuctionHasBid(uint256 id);
}
