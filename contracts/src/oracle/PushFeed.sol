// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";

/// @title PushFeed
/// @notice A keeper-pushed feed, as a CEX-fed (`exogenous`) or TWAP-relaying (`market`) Chainlink-style
///         oracle. Each push opens a round stamped with the block timestamp. The keeper may push any
///         answer, including zero or negative ones, so consumers' guards can be exercised.
contract PushFeed is AggregatorV3Interface, Ownable {
    /// @notice Same shape as Chainlink's aggregator event.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event KeeperSet(address indexed keeper);

    struct Round {
        int256 answer;
        uint64 updatedAt;
    }

    uint8 public immutable decimals;
    string public description;
    address public keeper;
    /// @notice Id of the latest round; 0 before the first push.
    uint80 public latestRound;
    mapping(uint80 roundId => Round) internal rounds;

    /// @param decimals_ Decimals of the answers (8 for USD-style feeds).
    /// @param description_ E.g. "WETH / USDC exogenous".
    /// @param keeper_ The only address allowed to push; the deployer owns the feed and may change it.
    constructor(uint8 decimals_, string memory description_, address keeper_) Ownable(msg.sender) {
        if (keeper_ == address(0)) revert Errors.AddressIsZero();
        decimals = decimals_;
        description = description_;
        keeper = keeper_;
        emit KeeperSet(keeper_);
    }

    /// @notice Opens a new round with `answer`, stamped now. Only the keeper.
    function pushAnswer(int256 answer) external returns (uint80 roundId) {
        if (msg.sender != keeper) revert Errors.CallerIsNotKeeper(msg.sender);
        roundId = latestRound + 1;
        latestRound = roundId;
        rounds[roundId] = Round(answer, uint64(block.timestamp));
        emit AnswerUpdated(answer, roundId, block.timestamp);
    }

    /// @notice Replaces the keeper. Only the owner.
    function setKeeper(address keeper_) external onlyOwner {
        if (keeper_ == address(0)) revert Errors.AddressIsZero();
        keeper = keeper_;
        emit KeeperSet(keeper_);
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
    /// @dev Before the first push every field is zero, which consumers read as a non-positive answer.
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        uint80 roundId = latestRound;
        Round memory r = rounds[roundId];
        return (roundId, r.answer, r.updatedAt, r.updatedAt, roundId);
    }
}
