// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IMarketGuard
/// @notice A guard the lending market asks before a liquidation or a borrow (a circuit breaker). Each
///         check may record state (the oracle's latest answer), so it is not a view.
interface IMarketGuard {
    /// @notice Records what the guard watches and returns whether liquidations are paused now.
    function checkLiquidation() external returns (bool paused);

    /// @notice Records what the guard watches and returns whether borrowing is paused now.
    function checkBorrow() external returns (bool paused);
}
