// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {WAD, MathLib} from "../libraries/MathLib.sol";
import {IMarketGuard} from "./IMarketGuard.sol";

/// @title CircuitBreaker
/// @notice Pauses a market's liquidations (and, by option, its borrowing) when its oracle moves more
///         than `maxMove` within `windowBlocks` blocks. A trip pauses for `pauseBlocks` blocks; every
///         check that still sees such a move in the window trips again, so the pause lasts until the
///         price has held within `maxMove` for a whole window and `pauseBlocks` more have passed.
/// @dev Keeps one observation per block (the latest answer seen in it) in a ring of `windowBlocks + 1`
///      slots. Anyone may poke (the keeper does, every block); the market checks on every liquidation
///      and borrow, so a move is seen even if no one poked. Answers <= 0 are not recorded.
contract CircuitBreaker is IMarketGuard {
    using MathLib for uint256;

    /// @notice Upper bound of `windowBlocks`: the ring's size, and the gas of a check, grow with it.
    uint256 public constant MAX_WINDOW_BLOCKS = 256;

    AggregatorV3Interface public immutable feed;
    /// @notice Largest relative move tolerated within the window (WAD, in (0, 1)).
    uint256 public immutable maxMove;
    uint256 public immutable windowBlocks;
    uint256 public immutable pauseBlocks;
    bool public immutable pausesBorrowing;

    /// @notice Liquidations (and borrowing, if it pauses) are paused while block.number < pausedUntil.
    uint256 public pausedUntil;
    /// @notice Blocks in which the breaker tripped.
    uint256 public trips;
    uint256 internal lastTripBlock;

    uint256[] internal observedBlock;
    uint256[] internal observedAnswer;

    event Tripped(uint256 indexed blockNumber, uint256 low, uint256 high, uint256 answer, uint256 pausedUntil);

    /// @dev Reverts with Errors.AddressIsZero, MaxMoveOutOfRange or WindowOutOfRange.
    constructor(AggregatorV3Interface feed_, uint256 maxMove_, uint256 windowBlocks_, uint256 pauseBlocks_, bool pausesBorrowing_) {
        if (address(feed_) == address(0)) revert Errors.AddressIsZero();
        if (maxMove_ == 0 || maxMove_ >= WAD) revert Errors.MaxMoveOutOfRange(maxMove_);
        if (windowBlocks_ == 0 || windowBlocks_ > MAX_WINDOW_BLOCKS) revert Errors.WindowOutOfRange(windowBlocks_);
        feed = feed_;
        maxMove = maxMove_;
        windowBlocks = windowBlocks_;
        pauseBlocks = pauseBlocks_;
        pausesBorrowing = pausesBorrowing_;
        observedBlock = new uint256[](windowBlocks_ + 1);
        observedAnswer = new uint256[](windowBlocks_ + 1);
    }

    /// @notice Records the feed's answer for this block and trips on a move beyond `maxMove`.
    /// @return paused Whether liquidations are paused after the check.
    function poke() public returns (bool paused) {
        (, int256 answer,,,) = feed.latestRoundData();
        if (answer > 0) _observe(uint256(answer));
        return block.number < pausedUntil;
    }

    /// @inheritdoc IMarketGuard
    function checkLiquidation() external returns (bool paused) {
        return poke();
    }

    /// @inheritdoc IMarketGuard
    function checkBorrow() external returns (bool paused) {
        return poke() && pausesBorrowing;
    }

    /// @notice Whether liquidations are paused in this block, as of the last check.
    function liquidationsPaused() external view returns (bool) {
        return block.number < pausedUntil;
    }

    /// @notice Lowest and highest answer observed within the window ending at this block (0, 0 if none).
    function windowRange() public view returns (uint256 low, uint256 high) {
        uint256 n = observedBlock.length;
        for (uint256 i; i < n; ++i) {
            uint256 b = observedBlock[i];
            if (b == 0 || b + windowBlocks < block.number) continue;
            uint256 a = observedAnswer[i];
            if (low == 0 || a < low) low = a;
            if (a > high) high = a;
        }
    }

    function _observe(uint256 answer) internal {
        uint256 slot = block.number % observedBlock.length;
        observedBlock[slot] = block.number;
        observedAnswer[slot] = answer;
        (uint256 low, uint256 high) = windowRange();
        // A fall from the window's high or a rise from its low by more than maxMove.
        bool fell = high - answer > high.wMulDown(maxMove);
        bool rose = answer - low > low.wMulDown(maxMove);
        if (!fell && !rose) return;
        uint256 until = block.number + pauseBlocks;
        if (until > pausedUntil) pausedUntil = until;
        if (lastTripBlock != block.number) {
            lastTripBlock = block.number;
            trips += 1;
            emit Tripped(block.number, low, high, answer, pausedUntil);
        }
    }
}
