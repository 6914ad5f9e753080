// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {MedianLib} from "./libraries/MedianLib.sol";

/// @title MedianFeed
/// @notice The median of 3, 5 or 7 source feeds behind a deviation guard. `poke()` reads every source,
///         takes the median of the usable answers and publishes it as a new round, unless it moved more
///         than `maxDeviation` from the previous accepted answer: then the feed keeps that answer (and its
///         `updatedAt`, so consumers see it age) and emits `DeviationGuarded`.
/// @dev A source is usable when `latestRoundData` does not revert and answers in (0, 1e36]; source
///      staleness is not checked (Maker's medianizer does not either). A poke needs a strict majority of
///      usable sources, so one broken or manipulated source never sets the answer on its own. The guard
///      compares with the last accepted answer, not the last candidate: a genuine move larger than the
///      guard in one update freezes the feed until the median comes back within the guard (Compound's
///      anchored view behaves the same way); consumers' staleness checks then stop acting on it.
///      The first poke is accepted unguarded. Permissionless, as Maker's `poke` is.
contract MedianFeed is AggregatorV3Interface {
    /// @notice Same shape as Chainlink's aggregator event.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    /// @notice The median was refused: it moved more than `maxDeviation` from `previous`.
    event DeviationGuarded(uint256 median, uint256 previous);
    /// @notice Fewer than a strict majority of sources gave a usable answer; nothing was published.
    event QuorumMissed(uint256 usableSources, uint256 required);

    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    uint256 public constant MAX_ANSWER = 1e36;
    uint256 public constant MAX_DEVIATION = 10e18;

    uint8 public immutable decimals;
    /// @notice Largest accepted move per update, WAD of the previous answer (0.1e18 = 10%).
    uint256 public immutable maxDeviation;
    /// @notice Id of the latest accepted round; 0 before the first accepted poke.
    uint80 public latestRound;
    AggregatorV3Interface[] internal sources;
    mapping(uint80 roundId => Round) internal rounds;

    /// @param sources_ 3, 5 or 7 feeds with equal decimals.
    /// @param maxDeviation_ WAD, in (0, 10e18].
    constructor(AggregatorV3Interface[] memory sources_, uint256 maxDeviation_) {
        uint256 n = sources_.length;
        if (n < 3 || n > 7 || n % 2 == 0) revert Errors.MedianSourceCountInvalid(n);
        if (maxDeviation_ == 0 || maxDeviation_ > MAX_DEVIATION) revert Errors.MaxDeviationOutOfRange(maxDeviation_);
        uint8 expected = sources_[0].decimals();
        for (uint256 i; i < n; ++i) {
            if (address(sources_[i]) == address(0)) revert Errors.AddressIsZero();
            uint8 d = sources_[i].decimals();
            if (d != expected) revert Errors.SourceDecimalsMismatch(address(sources_[i]), d, expected);
            sources.push(sources_[i]);
        }
        decimals = expected;
        maxDeviation = maxDeviation_;
    }

    /// @notice Reads every source and publishes their median if it passes the guard.
    /// @return accepted True when a new round was opened.
    function poke() external returns (bool accepted) {
        uint256 n = sources.length;
        uint256[] memory answers = new uint256[](n);
        uint256 usable;
        for (uint256 i; i < n; ++i) {
            try sources[i].latestRoundData() returns (uint80, int256 answer, uint256, uint256, uint80) {
                if (answer > 0 && uint256(answer) <= MAX_ANSWER) answers[usable++] = uint256(answer);
            } catch {}
        }
        uint256 required = n / 2 + 1;
        if (usable < required) {
            emit QuorumMissed(usable, required);
            return false;
        }
        // Shrink the array to the usable answers: memory arrays keep their length in the first word.
        assembly ("memory-safe") {
            mstore(answers, usable)
        }
        uint256 median = MedianLib.medianDown(answers);
        uint80 last = latestRound;
        if (last != 0) {
            uint256 previous = uint256(rounds[last].answer);
            if (MedianLib.exceedsDeviation(median, previous, maxDeviation)) {
                emit DeviationGuarded(median, previous);
                return false;
            }
        }
        uint80 roundId = last + 1;
        latestRound = roundId;
        rounds[roundId] = Round(int256(median), uint64(block.timestamp));
        emit AnswerUpdated(int256(median), roundId, block.timestamp);
        return true;
    }

    /// @notice Number of sources.
    function sourceCount() external view returns (uint256) {
        return sources.length;
    }

    /// @notice Source `i`, in constructor order.
    function sourceAt(uint256 i) external view returns (AggregatorV3Interface) {
        return sources[i];
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external pure returns (string memory) {
        return "median of sources, deviation-guarded";
    }

    /// @inheritdoc AggregatorV3Interface
    function version() external pure returns (uint256) {
        return 1;
    }

    /// @inheritdoc AggregatorV3Interface
    function getRoundData(uint80 roundId) external view returns (uint80, int256, uint256, uint256, uint80) {
        Round memory r = rounds[roundId];
        if (r.updatedAt == 0) revert Errors.RoundNotFound(roundId);
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Before the first accepted poke every field is zero, which consumers read as a non-positive answer.
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        uint80 roundId = latestRound;
        Round memory r = rounds[roundId];
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }
}
