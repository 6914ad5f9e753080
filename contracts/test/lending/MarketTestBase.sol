// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {LendingMarket} from "../../src/lending/LendingMarket.sol";
import {RateParams} from "../../src/lending/libraries/RateLib.sol";
import {FixedMargin} from "../../src/margin/FixedMargin.sol";
import {IMarginModel} from "../../src/margin/IMarginModel.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Deploys a market (collateral and loan decimals chosen by the concrete test) with a push
///         feed at 2000 loan per collateral, FixedMargin 75% / 80% / close 50% / bonus 5%,
///         insurance share 20%, dust 100 loan units, max oracle age 1 hour.
abstract contract MarketTestBase is BaseTest {
    using MathLib for uint256;

    uint256 internal constant LTV = 0.75e18;
    uint256 internal constant LT = 0.8e18;
    uint256 internal constant CLOSE_FACTOR = 0.5e18;
    uint256 internal constant BONUS = 0.05e18;
    uint256 internal constant INSURANCE_SHARE = 0.2e18;
    uint256 internal constant MAX_AGE = 1 hours;
    int256 internal constant PRICE = 2000e8;

    address internal constant LENDER = address(0x1E9D);
    address internal constant BORROWER = address(0xB0B);
    address internal constant BORROWER2 = address(0xB0B2);
    address internal constant LIQUIDATOR = address(0x11C);

    uint8 internal immutable collateralDecimals;
    uint8 internal immutable loanDecimals;
    uint256 internal immutable C; // one collateral token
    uint256 internal immutable L; // one loan token

    TestToken internal collateral;
    TestToken internal loan;
    PushFeed internal feed;
    FixedMargin internal margin;
    LendingMarket internal market;

    constructor(uint8 collateralDecimals_, uint8 loanDecimals_) {
        collateralDecimals = collateralDecimals_;
        loanDecimals = loanDecimals_;
        C = 10 ** collateralDecimals_;
        L = 10 ** loanDecimals_;
    }

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        vm.roll(100);
        collateral = new TestToken("Wrapped Ether", "WETH", collateralDecimals, address(this));
        loan = new TestToken("USD Coin", "USDC", loanDecimals, address(this));
        feed = new PushFeed(8, "WETH / USDC", address(this));
        feed.pushAnswer(PRICE);
        margin = new FixedMargin(LTV, LT, CLOSE_FACTOR, BONUS);
        market = new LendingMarket(
            IERC20Metadata(address(collateral)),
            IERC20Metadata(address(loan)),
            AggregatorV3Interface(address(feed)),
            IMarginModel(address(margin)),
            MAX_AGE,
            INSURANCE_SHARE,
            100 * L,
            RateParams(0, 0.04e18, 0.75e18, 0.8e18)
        );
        _fund(LENDER);
        _fund(BORROWER);
        _fund(BORROWER2);
        _fund(LIQUIDATOR);
    }

    function _fund(address account) internal {
        collateral.mint(account, 1_000_000 * C);
        loan.mint(account, 1_000_000_000 * L);
        vm.startPrank(account);
        collateral.approve(address(market), type(uint256).max);
        loan.approve(address(market), type(uint256).max);
        vm.stopPrank();
    }

    function _supply(address lender, uint256 assets) internal {
        vm.prank(lender);
        market.supply(assets);
    }

    function _deposit(address borrower, uint256 amount) internal {
        vm.prank(borrower);
        market.depositCollateral(amount);
    }

    function _borrow(address borrower, uint256 assets) internal {
        vm.prank(borrower);
        market.borrow(assets);
    }

    /// @dev Lender supplies 1M; `borrower` posts `coll` collateral and borrows `debt`.
    function _open(address borrower, uint256 coll, uint256 debt) internal {
        if (market.totalSupplyAssets() == 0) _supply(LENDER, 1_000_000 * L);
        _deposit(borrower, coll);
        _borrow(borrower, debt);
    }

    function _setPrice(int256 answer) internal {
        feed.pushAnswer(answer);
    }

    /// @dev Loan value of `coll` at `answer` (8 decimals), rounded down like the market.
    function _value(uint256 coll, int256 answer) internal view returns (uint256) {
        return coll.mulDivDown(uint256(answer) * L, C * 1e8);
    }
}
