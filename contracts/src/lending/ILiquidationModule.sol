// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ILiquidationModule
/// @notice A contract the lending market hands liquidatable positions to instead of selling them at a
///         fixed discount to whoever calls `liquidate`: an auction house (Maker's Clipper or Flipper) or a
///         backstop pool (Liquity's stability pool). The module takes a position whole with
///         `ILendingMarket.transferPosition` (its debt moves onto the module's own account, its collateral
///         into the module), raises the loan asset its own way, repays with `repayShares` or `repay`, and
///         writes off what it could not raise with `writeOff`.
interface ILiquidationModule {
    /// @notice Asked by the market before a direct liquidation of `borrower`, whose position owes `debt`
    ///         against `collateral`: true when the module takes such positions now, so the market refuses
    ///         the direct liquidation. A pool that cannot cover the debt answers false, and the market's own
    ///         liquidation is the fallback.
    function takesLiquidation(address borrower, uint256 debt, uint256 collateral) external view returns (bool);
}
