// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";

/// @title DelayedFeed
/// @notice A delay module in the manner of Maker's Oracle Security Module (OSM): consumers see the
///         source's price one hop late, so governance or keepers have a hop to react to a bad price.
///         `poke()` works at most once per hop: it publishes the value queued by the previous poke as the
///         current answer and queues the source's value now as `next`.
/// @dev As the OSM: hops are aligned to multiples of `hop` (`lastHopStart = now - now % hop`), a poke
///      before the next hop starts changes nothing, and a poke whose source read fails (revert or a
///      non-positive answer) changes nothing either. Unlike the OSM, the first successful poke publishes
///      the source's value at once as well as queueing it, so a freshly deployed market has a price;
///      from the second poke on the answer is always the value the source had at the previous poke.
///      `updatedAt` is the time of the publishing poke (the OSM's `zzz`), not the source's time, so a
///      consumer's staleness limit must be at least one hop. Permissionless, as the OSM's `poke` is.
contract DelayedFeed is AggregatorV3Interface {
    /// @notice Same shape as Chainlink's aggregator event: `current` is now the answer.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    /// @notice `next` will be published by the first poke of the next hop.
    event NextQueued(int256 next, uint256 hopStart);

    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    AggregatorV3Interface public immutable source;
    /// @notice Seconds per hop (the OSM's `hop`, 3600 by default there).
    uint256 public immutable hop;
    uint8 public immutable decimals;
    /// @notice Start of the hop of the last successful poke; 0 before it.
    uint256 public lastHopStart;
    /// @notice The source's value at the last successful poke, published by the next one.
    int256 public next;
    /// @notice Id of the latest published round; 0 before the first poke.
    uint80 public latestRound;
    mapping(uint80 roundId => Round) internal rounds;

    constructor(AggregatorV3Interface source_, uint256 hop_) {
        if (address(source_) == address(0)) revert Errors.AddressIsZero();
        if (hop_ == 0) revert Errors.DelayHopIsZero();
        source = source_;
        hop = hop_;
        decimals = source_.decimals();
    }

    /// @notice True when a poke now would publish (the OSM's `pass()`).
    function pass() public view returns (bool) {
        return latestRound == 0 || block.timestamp >= lastHopStart + hop;
    }

    /// @notice Publishes `next` and queues the source's current value, at most once per hop.
    /// @return published True when a new round was opened.
    function poke() external returns (bool published) {
        if (!pass()) return false;
        int256 value;
        try source.latestRoundData() returns (uint80, int256 answer, uint256, uint256, uint80) {
            value = answer;
        } catch {
            return false;
        }
        if (value <= 0) return false;
        uint80 roundId = latestRound + 1;
        int256 current = roundId == 1 ? value : next;
        latestRound = roundId;
        rounds[roundId] = Round(current, uint64(block.timestamp));
        next = value;
        uint256 hopStart = block.timestamp - block.timestamp % hop;
        lastHopStart = hopStart;
        emit AnswerUpdated(current, roundId, block.timestamp);
        emit NextQueued(value, hopStart);
        return true;
    }

    /// @inheritdoc AggregatorV3Interface
    function description() external pure returns (string memory) {
        return "delayed by one hop (OSM-style)";
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
    /// @dev Before the first poke every field is zero, which consumers read as a non-positive answer.
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        uint80 roundId = latestRound;
        Round memory r = rounds[roundId];
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }
}
