// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";

/// @notice A liquidation module for the market's hook tests: takes positions when told to, and
///         forwards transferPosition, repayShares and writeOff as its own calls.
contract MockLiquidationModule is ILiquidationModule {
    ILendingMarket internal immutable market;
    bool public takes = true;

    constructor(ILendingMarket market_) {
        market = market_;
    }

    function setTakes(bool takes_) external {
        takes = takes_;
    }

    function takesLiquidation(address, uint256, uint256) external view returns (bool) {
        return takes;
    }

    function take(address borrower) external returns (uint256 debt, uint256 shares, uint256 collateral) {
        return market.transferPosition(borrower);
    }

    function repayShares(uint256 shares) external returns (uint256) {
        IERC20(address(market.loanToken())).approve(address(market), type(uint256).max);
        return market.repayShares(shares);
    }

    function writeOff(address borrower, uint256 shares) external returns (uint256) {
        return market.writeOff(borrower, shares);
    }
}
