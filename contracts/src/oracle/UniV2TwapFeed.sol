// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {UniV2FeedBase} from "./UniV2FeedBase.sol";

/// @title UniV2TwapFeed
/// @notice On-chain TWAP over a Uniswap V2 pair's cumulative prices, as a sliding window of
///         `granularity` observation slots of `periodSize = windowSize / granularity` seconds
///         (the layout of Uniswap's example sliding-window oracle).
/// @dev `poke()` (permissionless, call it every block or at least every period) records at most one
///      observation per period. The answer averages from the oldest slot of the window (or, while the
///      window is still filling, the first observation ever) to now, using the pair's counterfactual
///      cumulative price at the current timestamp. `updatedAt` is the time of the latest observation,
///      so a feed nobody pokes goes stale for consumers. Only the latest round can be read.
contract UniV2TwapFeed is UniV2FeedBase {
    event ObservationRecorded(uint80 indexed roundId, uint256 timestamp, uint256 priceCumulative);

    struct Observation {
        uint64 timestamp;
        uint256 priceCumulative;
    }

    uint256 public immutable windowSize;
    uint8 public immutable granularity;
    uint256 public immutable periodSize;

    /// @notice Number of observations recorded; the latest round id.
    uint80 public observationCount;
    /// @notice Time of the latest observation (the answer's `updatedAt`).
    uint256 public lastObservationTimestamp;
    /// @notice The first observation ever, used while the window fills.
    Observation public genesis;
    Observation[] internal observations;

    /// @param pair_ The Uniswap V2 pair of collateral and loan token.
    /// @param collateralToken_ The pair token priced (the answer is loan per collateral).
    /// @param windowSize_ TWAP window in seconds; must be a positive multiple of `granularity_`.
    /// @param granularity_ Observation slots in the window (>= 2).
    constructor(address pair_, address collateralToken_, uint256 windowSize_, uint8 granularity_)
        UniV2FeedBase(pair_, collateralToken_)
    {
        if (granularity_ < 2 || windowSize_ == 0 || windowSize_ % granularity_ != 0) {
            revert Errors.TwapWindowInvalid(windowSize_, granularity_);
        }
        windowSize = windowSize_;
        granularity = granularity_;
        periodSize = windowSize_ / granularity_;
        for (uint256 i; i < granularity_; ++i) {
            observations.push();
        }
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external pure returns (string memory) {
        return "Uniswap V2 TWAP";
    }

    /// @notice Records an observation if this period has none yet. Permissionless.
    /// @return recorded True when an observation was written.
    function poke() external returns (bool recorded) {
        Observation storage slot = observations[observationIndexOf(block.timestamp)];
        if (slot.timestamp != 0 && block.timestamp - slot.timestamp <= periodSize) return false;
        uint256 cumulative = currentCumulativePrice();
        slot.timestamp = uint64(block.timestamp);
        slot.priceCumulative = cumulative;
        if (genesis.timestamp == 0) genesis = Observation(uint64(block.timestamp), cumulative);
        uint80 roundId = observationCount + 1;
        observationCount = roundId;
        lastObservationTimestamp = block.timestamp;
        emit ObservationRecorded(roundId, block.timestamp, cumulative);
        return true;
    }

    /// @notice Slot of the observation for `timestamp`.
    function observationIndexOf(uint256 timestamp) public view returns (uint256) {
        return (timestamp / periodSize) % granularity;
    }

    /// @notice The pair's cumulative collateral price (UQ112.112 loan per collateral, raw units)
    ///         extrapolated to now, as UniswapV2OracleLibrary does.
    /// @dev Cumulative prices overflow by design; differences are taken unchecked.
    function currentCumulativePrice() public view returns (uint256 cumulative) {
        cumulative = collateralIsToken0 ? pair.price0CumulativeLast() : pair.price1CumulativeLast();
        (uint256 collateralReserve, uint256 loanReserve, uint32 timestampLast) = _reserves();
        uint32 nowTs = uint32(block.timestamp);
        if (timestampLast != nowTs) {
            if (collateralReserve == 0 || loanReserve == 0) revert Errors.PairHasNoLiquidity();
            unchecked {
                uint256 elapsed = nowTs - timestampLast;
                cumulative += ((loanReserve << 112) / collateralReserve) * elapsed;
            }
        }
    }

    /// @inheritdoc AggregatorV3Interface
    function getRoundData(uint80 roundId) external view returns (uint80, int256, uint256, uint256, uint80) {
        if (roundId != observationCount) revert Errors.RoundNotFound(roundId);
        return _latest();
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Reverts with TwapObservationMissing before any poke, or when the only observation is from now.
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return _latest();
    }

    function _latest() internal view returns (uint80, int256, uint256, uint256, uint80) {
        Observation memory first = observations[(observationIndexOf(block.timestamp) + 1) % granularity];
        if (first.timestamp == 0) first = genesis;
        if (first.timestamp == 0 || first.timestamp >= block.timestamp) revert Errors.TwapObservationMissing();
        uint256 elapsed = block.timestamp - first.timestamp;
        uint256 average;
        unchecked {
            average = (currentCumulativePrice() - first.priceCumulative) / elapsed;
        }
        uint80 roundId = observationCount;
        return (roundId, int256(_uqAnswer(average)), first.timestamp, lastObservationTimestamp, roundId);
    }
}
