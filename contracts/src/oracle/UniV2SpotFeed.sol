// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";
import {Errors} from "../libraries/Errors.sol";
import {UniV2FeedBase} from "./UniV2FeedBase.sol";

/// @title UniV2SpotFeed
/// @notice The pair's instantaneous price from reserves. Manipulable within one transaction on
///         purpose: attack replays (flash-swap the pair, borrow or liquidate, swap back) use it.
/// @dev Always fresh: roundId = block.number, updatedAt = block.timestamp.
contract UniV2SpotFeed is UniV2FeedBase {
    constructor(address pair_, address collateralToken_) UniV2FeedBase(pair_, collateralToken_) {}

    /// @inheritdoc AggregatorV3Interface
    function description() external pure returns (string memory) {
        return "Uniswap V2 spot (reserves)";
    }

    /// @inheritdoc AggregatorV3Interface
    /// @dev Only the current round (block.number) exists.
    function getRoundData(uint80 roundId) external view returns (uint80, int256, uint256, uint256, uint80) {
        if (roundId != block.number) revert Errors.RoundNotFound(roundId);
        return _latest();
    }

    /// @inheritdoc AggregatorV3Interface
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return _latest();
    }

    function _latest() internal view returns (uint80, int256, uint256, uint256, uint80) {
        (uint256 collateralReserve, uint256 loanReserve,) = _reserves();
        int256 answer = int256(_spotAnswer(collateralReserve, loanReserve));
        uint80 roundId = uint80(block.number);
        return (roundId, answer, block.timestamp, block.timestamp, roundId);
    }
}
