// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice What a margin model needs to know about one short option position. WAD throughout.
/// @dev ABI: a static tuple, encoded like its fields listed flat in this order.
struct OptionMarginInput {
    bool isCall;
    bool underlyingCollateral; // collateral is the underlying (covered call) rather than the loan asset
    uint256 strike; // loan asset per unit of underlying
    uint256 spot; // loan asset per unit of underlying
    uint256 timeToExpiry; // years
    uint256 volatility; // annualized
    uint256 amount; // options short (1e18 = one option on one unit of underlying)
}

/// @title IOptionMarginModel
/// @notice Decides the initial and maintenance margin of a short option position. Designs are
///         contracts: a user adds one by deploying a contract, not by editing the vault.
interface IOptionMarginModel {
    /// @notice Margin required of a short position, as a value in loan-asset WAD.
    /// @dev The vault compares it with the collateral's value at the same spot (underlying collateral
    ///      valued at `spot`). Both answers round up (in the vault's favour), are linear in `amount`
    ///      up to rounding, are at least the intrinsic value, and satisfy initial >= maintenance.
    /// @return initialMargin Required to open or add to a position and to withdraw collateral.
    /// @return maintenanceMargin Below it the position is liquidatable.
    function marginRequirement(OptionMarginInput calldata input)
        external
        view
        returns (uint256 initialMargin, uint256 maintenanceMargin);
}
