// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ILendingMarket} from "../lending/ILendingMarket.sol";
import {MarginParams} from "../margin/IMarginModel.sol";

/// @title LendingLens
/// @notice Read-only batch views for bots and harnesses: one eth_call per page of positions or per
///         market snapshot instead of one call per field. Stateless: works for any ILendingMarket.
/// @dev Health factors use the latest oracle answer whether fresh or not (see ILendingMarket.healthFactor);
///      compare `oracleUpdatedAt` with `maxOracleAge` to know whether a liquidation would pass.
contract LendingLens {
    /// @notice One position, interest accrued to now.
    struct PositionView {
        address borrower;
        uint256 collateral; // collateral-token units
        uint256 debt; // loan-token units, rounded up
        uint256 healthFactor; // WAD, rounded down; type(uint256).max without debt
        uint256 liquidationThreshold; // WAD, from the margin model at the current collateral
        uint256 closeFactor; // WAD, what a liquidation may repay now
        uint256 liquidationBonus; // WAD, what a liquidation pays now (a dynamic model moves it)
    }

    /// @notice Market snapshot, interest accrued to now.
    struct MarketTotals {
        uint256 totalSupplyAssets;
        uint256 totalSupplyShares;
        uint256 totalBorrowAssets;
        uint256 totalBorrowShares;
        uint256 totalCollateral;
        uint256 insuranceFund;
        uint256 totalBadDebt;
        uint256 totalSocializedLoss;
        uint256 availableLiquidity;
        uint256 borrowRatePerSecond;
        int256 oracleAnswer;
        uint256 oracleUpdatedAt;
        uint256 maxOracleAge;
        uint256 borrowerCount;
        uint256 blockNumber;
        uint256 blockTimestamp;
    }

    /// @notice Positions of the given accounts, in order.
    function positionsOf(ILendingMarket market, address[] calldata accounts)
        external
        view
        returns (PositionView[] memory views)
    {
        views = new PositionView[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            views[i] = _position(market, accounts[i]);
        }
    }

    /// @notice Positions of listed borrowers [start, start + count), clipped to the list's end.
    function positionsInRange(ILendingMarket market, uint256 start, uint256 count)
        external
        view
        returns (PositionView[] memory views)
    {
        uint256 total = market.borrowerCount();
        uint256 end = start >= total ? start : (count > total - start ? total : start + count);
        views = new PositionView[](end - start);
        for (uint256 i = start; i < end; ++i) {
            views[i - start] = _position(market, market.borrowers(i));
        }
    }

    /// @notice Market totals in one call.
    function marketTotals(ILendingMarket market) external view returns (MarketTotals memory t) {
        (t.totalSupplyAssets, t.totalSupplyShares, t.totalBorrowAssets, t.totalBorrowShares) = market.expectedTotals();
        t.totalCollateral = market.totalCollateral();
        t.insuranceFund = market.insuranceFund();
        t.totalBadDebt = market.totalBadDebt();
        t.totalSocializedLoss = market.totalSocializedLoss();
        t.availableLiquidity = market.availableLiquidity();
        t.borrowRatePerSecond = market.borrowRatePerSecond();
        (t.oracleAnswer, t.oracleUpdatedAt) = market.oracleAnswer();
        t.maxOracleAge = market.maxOracleAge();
        t.borrowerCount = market.borrowerCount();
        t.blockNumber = block.number;
        t.blockTimestamp = block.timestamp;
    }

    function _position(ILendingMarket market, address account) internal view returns (PositionView memory v) {
        v.borrower = account;
        (,, v.collateral) = market.positions(account);
        v.debt = market.debtOf(account);
        v.healthFactor = market.healthFactor(account);
        MarginParams memory m = market.marginParamsOf(account);
        (v.liquidationThreshold, v.closeFactor, v.liquidationBonus) = (m.liquidationThreshold, m.closeFactor, m.liquidationBonus);
    }
}
