// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title GasBurner
/// @notice Other users' demand for block space: a call burns almost all the gas it is given, so a
///         transaction's gas limit is the block space it takes (the congestion of a crash, when every
///         bot, keeper and panicking user bids for the same blocks).
contract GasBurner {
    /// @notice Gas left unburnt, enough for the call to return.
    uint256 public constant RESERVE = 2_000;

    /// @notice Calls made, so each one is a state change as a user's transaction is.
    uint256 public calls;

    /// @notice Spins until about RESERVE gas remains.
    function burn() external {
        calls += 1;
        while (gasleft() > RESERVE) {}
    }
}
