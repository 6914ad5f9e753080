// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {LendingMarket} from "../../src/lending/LendingMarket.sol";
import {RateParams} from "../../src/lending/libraries/RateLib.sol";
import {SharesMathLib} from "../../src/lending/libraries/SharesMathLib.sol";
import {FixedMargin} from "../../src/margin/FixedMargin.sol";
import {IMarginModel} from "../../src/margin/IMarginModel.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Drives the market for invariant runs: bounded price moves (at most 20% a step, within
///         [200, 5000]), time passing, every user action by a small fixed cast, and a shock (a borrower at
///         the initial LTV, a 30-70% crash, liquidation of everything below health 1) so that
///         liquidations and bad debt happen in every run. Ghost counters record properties that can only
///         be observed around a call, and how often the guarded states were reached.
contract LendingHandler is BaseTest {
    using MathLib for uint256;

    LendingMarket public immutable market;
    PushFeed public immutable feed;
    TestToken public immutable collateral;
    TestToken public immutable loan;
    uint256 internal immutable C;
    uint256 internal immutable L;

    address[] public lenders;
    address[] public borrowers;
    address public constant LIQUIDATOR = address(0x11C);

    uint256 public liquidationsAtOrAboveOne;
    uint256 public seizedAboveCollateral;
    uint256 public healthLoweredByOthers;
    uint256 public actionsOnStaleAnswer;
    uint256 public liquidations;
    uint256 public badDebtEvents;
    uint256 public liquidationsLoweringHealth;
    /// @dev Insurance fund recomputed from the fee and cover formulas: seed + fees - covered.
    uint256 public expectedInsuranceFund;

    constructor(LendingMarket market_, PushFeed feed_, TestToken collateral_, TestToken loan_) {
        market = market_;
        feed = feed_;
        collateral = collateral_;
        loan = loan_;
        C = 10 ** collateral_.decimals();
        L = 10 ** loan_.decimals();
        lenders.push(address(0x1E01));
        lenders.push(address(0x1E02));
        borrowers.push(address(0xB001));
        borrowers.push(address(0xB002));
        borrowers.push(address(0xB003));
        borrowers.push(address(0xB004));
    }

    /// @notice Mints and approves for the cast; the test calls it once the handler is a minter.
    function fundActors() external {
        for (uint256 i; i < lenders.length; ++i) _fund(lenders[i]);
        for (uint256 i; i < borrowers.length; ++i) _fund(borrowers[i]);
        _fund(LIQUIDATOR);
    }

    function borrowerCount() external view returns (uint256) {
        return borrowers.length;
    }

    function lenderCount() external view returns (uint256) {
        return lenders.length;
    }

    // ---------------------------------------------------------------- environment

    function movePrice(uint256 seed) external {
        (, int256 answer,,,) = feed.latestRoundData();
        uint256 p = uint256(answer);
        uint256 step = bound(seed, 0, 4000); // +-20% in basis points around 0 at 2000
        uint256 next = p * (8000 + step) / 10_000;
        next = bound(next, 200e8, 5000e8);
        feed.pushAnswer(int256(next));
    }

    /// @notice A borrower opens at the initial LTV, the price crashes 30-70% (below the bonus-adjusted
    ///         solvency line of 1 / (0.75 x 1.05) - 1 = 27%), and every position below health 1 is liquidated.
    function shock(uint256 who, uint256 dropSeed) external {
        (, int256 answer,,,) = feed.latestRoundData();
        uint256 p = MathLib.max(uint256(answer), 1000e8);
        feed.pushAnswer(int256(p));
        address b = borrowers[who % borrowers.length];
        uint256 coll = 10 * C;
        vm.prank(b);
        market.depositCollateral(coll);
        (,, uint256 held) = market.positions(b);
        uint256 headroom = held.mulDivDown(p * L, C * 1e8).wMulDown(0.75e18).zeroFloorSub(market.debtOf(b));
        uint256 available = market.availableLiquidity();
        if (available < headroom) {
            vm.prank(lenders[0]);
            market.supply(headroom - available);
        }
        uint256 wanted = MathLib.min(headroom, market.availableLiquidity());
        if (wanted > 1) {
            vm.prank(b);
            try market.borrow(wanted - 1) {} catch {}
        }
        feed.pushAnswer(int256(p * (10_000 - bound(dropSeed, 3000, 7000)) / 10_000));
        for (uint256 i; i < borrowers.length; ++i) {
            if (market.healthFactor(borrowers[i]) < 1e18) _liquidate(borrowers[i], type(uint256).max);
        }
    }

    function passTime(uint256 seed) external {
        vm.warp(block.timestamp + bound(seed, 1, 2 hours));
        vm.roll(block.number + 1);
    }

    // ---------------------------------------------------------------- lenders

    function supply(uint256 who, uint256 amount) external {
        address lender = lenders[who % lenders.length];
        amount = bound(amount, 1, 1_000_000 * L);
        _othersUnharmed(address(0), abi.encodeCall(market.supply, (amount)), lender);
    }

    function withdraw(uint256 who, uint256 amount) external {
        address lender = lenders[who % lenders.length];
        amount = bound(amount, 1, market.supplyBalanceOf(lender) + 1);
        _othersUnharmed(address(0), abi.encodeCall(market.withdraw, (amount)), lender);
    }

    // ---------------------------------------------------------------- borrowers

    function depositCollateral(uint256 who, uint256 amount) external {
        address b = borrowers[who % borrowers.length];
        amount = bound(amount, 1, 100 * C);
        _othersUnharmed(address(0), abi.encodeCall(market.depositCollateral, (amount)), b);
    }

    function withdrawCollateral(uint256 who, uint256 amount) external {
        address b = borrowers[who % borrowers.length];
        (,, uint256 coll) = market.positions(b);
        amount = bound(amount, 1, coll + 1);
        _othersUnharmed(b, abi.encodeCall(market.withdrawCollateral, (amount)), b);
    }

    function borrow(uint256 who, uint256 amount) external {
        address b = borrowers[who % borrowers.length];
        amount = bound(amount, 1, 200_000 * L);
        bool stale = _isStale();
        if (_othersUnharmed(b, abi.encodeCall(market.borrow, (amount)), b) && stale) ++actionsOnStaleAnswer;
    }

    function repay(uint256 who, uint256 amount) external {
        address b = borrowers[who % borrowers.length];
        amount = bound(amount, 1, market.debtOf(b) + 1);
        _othersUnharmed(address(0), abi.encodeCall(market.repay, (amount)), b);
    }

    // ---------------------------------------------------------------- liquidators

    function liquidate(uint256 who, uint256 amount) external {
        address b = borrowers[who % borrowers.length];
        uint256 debt = market.debtOf(b);
        _liquidate(b, amount % 3 == 0 ? type(uint256).max : bound(amount, 1, debt + 1));
    }

    function fundInsurance(uint256 amount) external {
        amount = bound(amount, 1, 10_000 * L);
        vm.prank(LIQUIDATOR);
        market.fundInsurance(amount);
        expectedInsuranceFund += amount;
    }

    // ---------------------------------------------------------------- internal

    function _liquidate(address b, uint256 amount) internal {
        uint256 hf = market.healthFactor(b);
        (,, uint256 collBefore) = market.positions(b);
        uint256 bonus = market.marginParamsOf(b).liquidationBonus;
        uint256 socializedBefore = market.totalSocializedLoss();
        bool stale = _isStale();
        vm.prank(LIQUIDATOR);
        try market.liquidate(b, amount) returns (uint256 repaid, uint256 seized, uint256 badDebt) {
            ++liquidations;
            if (badDebt != 0) ++badDebtEvents;
            if (hf >= 1e18) ++liquidationsAtOrAboveOne;
            if (seized > collBefore) ++seizedAboveCollateral;
            if (stale) ++actionsOnStaleAnswer;
            uint256 debtAfter = market.debtOf(b);
            // Collateral value is floored to loan-token wei: allow 2 wei of value (LT x 2 / debt).
            if (debtAfter != 0 && market.healthFactor(b) + uint256(0.8e18).mulDivUp(2, debtAfter) < hf) {
                ++liquidationsLoweringHealth;
            }
            uint256 covered = badDebt - (market.totalSocializedLoss() - socializedBefore);
            expectedInsuranceFund =
                expectedInsuranceFund + repaid.wMulUp(bonus).wMulUp(market.insuranceShare()) - covered;
        } catch {}
    }

    /// @dev Calls the market as `actor`; every borrower other than `exempt` must keep its collateral and
    ///      may see its debt rise by at most 1 wei (share rounding in the protocol's favour).
    function _othersUnharmed(address exempt, bytes memory data, address actor) internal returns (bool ok) {
        uint256 n = borrowers.length;
        uint256[] memory collBefore = new uint256[](n);
        uint256[] memory debtBefore = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            (,, collBefore[i]) = market.positions(borrowers[i]);
            debtBefore[i] = market.debtOf(borrowers[i]);
        }
        vm.prank(actor);
        (ok,) = address(market).call(data);
        if (!ok) return false;
        for (uint256 i; i < n; ++i) {
            address b = borrowers[i];
            if (b == exempt || b == actor) continue;
            (,, uint256 coll) = market.positions(b);
            if (coll < collBefore[i] || market.debtOf(b) > debtBefore[i] + 1) ++healthLoweredByOthers;
        }
    }

    function _isStale() internal view returns (bool) {
        (, uint256 updatedAt) = market.oracleAnswer();
        return block.timestamp - updatedAt > market.maxOracleAge();
    }

    function _fund(address account) internal {
        collateral.mint(account, 1e9 * C);
        loan.mint(account, 1e12 * L);
        vm.startPrank(account);
        collateral.approve(address(market), type(uint256).max);
        loan.approve(address(market), type(uint256).max);
        vm.stopPrank();
    }
}

/// @notice Invariants of the lending market under a price-shock handler (WETH 18 / USDC 6).
///         Config: hardhat.config.js test.solidity.invariant (CI: 64 runs x depth 128, fixed seed).
contract LendingInvariantsTest is BaseTest {
    using SharesMathLib for uint256;

    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    TestToken internal collateral;
    TestToken internal loan;
    PushFeed internal feed;
    LendingMarket internal market;
    LendingHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        collateral = new TestToken("Wrapped Ether", "WETH", 18, address(this));
        loan = new TestToken("USD Coin", "USDC", 6, address(this));
        feed = new PushFeed(8, "WETH / USDC", address(this));
        feed.pushAnswer(2000e8);
        market = new LendingMarket(
            IERC20Metadata(address(collateral)),
            IERC20Metadata(address(loan)),
            AggregatorV3Interface(address(feed)),
            IMarginModel(address(new FixedMargin(0.75e18, 0.8e18, 0.5e18, 0.05e18))),
            1 hours,
            0.2e18,
            100e6,
            RateParams(0.02e18, 0.1e18, 2e18, 0.8e18)
        );
        handler = new LendingHandler(market, feed, collateral, loan);
        feed.setKeeper(address(handler));
        collateral.setMinter(address(handler), true);
        loan.setMinter(address(handler), true);
        handler.fundActors();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    /// @dev Only the handler's actions; its views and fundActors are not fuzz targets.
    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](11);
        selectors[0] = LendingHandler.movePrice.selector;
        selectors[1] = LendingHandler.passTime.selector;
        selectors[2] = LendingHandler.supply.selector;
        selectors[3] = LendingHandler.withdraw.selector;
        selectors[4] = LendingHandler.depositCollateral.selector;
        selectors[5] = LendingHandler.withdrawCollateral.selector;
        selectors[6] = LendingHandler.borrow.selector;
        selectors[7] = LendingHandler.repay.selector;
        selectors[8] = LendingHandler.liquidate.selector;
        selectors[9] = LendingHandler.shock.selector;
        selectors[10] = LendingHandler.fundInsurance.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), selectors);
    }

    /// LM_INV_A: total debt equals the sum of positions' debts: borrow shares sum exactly; assets
    /// within [total - value of the virtual shares, total + one wei per borrower + 1].
    function invariant_totalDebtEqualsSumOfDebts() public view {
        uint256 totalAssets = market.totalBorrowAssets();
        uint256 totalShares = market.totalBorrowShares();
        uint256 sumShares;
        uint256 sumDebt;
        uint256 n = handler.borrowerCount();
        for (uint256 i; i < n; ++i) {
            (, uint256 shares,) = market.positions(handler.borrowers(i));
            sumShares += shares;
            sumDebt += shares.toAssetsUp(totalAssets, totalShares);
        }
        assertEq(sumShares, totalShares, "LM_INV_A: borrow shares of positions sum to total borrow shares");
        uint256 virtualValue = SharesMathLib.VIRTUAL_SHARES.toAssetsUp(totalAssets, totalShares);
        assertLe(sumDebt, totalAssets + n + 1, "LM_INV_A: sum of debts <= total debt + 1 wei per borrower");
        assertGe(sumDebt + virtualValue, totalAssets, "LM_INV_A: sum of debts >= total debt - virtual-share value");
    }

    /// LM_INV_B: a position with debt has collateral unless its bad debt was realized (which zeroes both).
    function invariant_debtImpliesCollateral() public view {
        uint256 n = handler.borrowerCount();
        for (uint256 i; i < n; ++i) {
            (, uint256 shares, uint256 coll) = market.positions(handler.borrowers(i));
            if (shares != 0) assertGt(coll, 0, "LM_INV_B: a position with debt has collateral");
        }
    }

    /// LM_INV_C: a liquidation only succeeds below health factor 1.
    function invariant_liquidationOnlyBelowOne() public view {
        assertEq(handler.liquidationsAtOrAboveOne(), 0, "LM_INV_C: liquidation only below health factor 1");
    }

    /// LM_INV_D: a liquidation never seizes more than the position's collateral.
    function invariant_seizedWithinCollateral() public view {
        assertEq(handler.seizedAboveCollateral(), 0, "LM_INV_D: seized <= position collateral");
    }

    /// LM_INV_E: only price moves, time (interest) and liquidations lower a position's health; another
    /// account's action changes its collateral never and its debt by at most 1 wei of rounding.
    function invariant_onlyPriceTimeAndLiquidationsLowerHealth() public view {
        assertEq(handler.healthLoweredByOthers(), 0, "LM_INV_E: only price moves and liquidations lower health");
    }

    /// LM_INV_F: the market's token balances cover its accounted cash and collateral.
    function invariant_balancesCoverAccounting() public view {
        uint256 owed = market.totalSupplyAssets() + market.insuranceFund();
        uint256 cash = owed > market.totalBorrowAssets() ? owed - market.totalBorrowAssets() : 0;
        assertGe(loan.balanceOf(address(market)), cash, "LM_INV_F: loan balance >= supply + insurance - borrows");
        uint256 sumColl;
        uint256 n = handler.borrowerCount();
        for (uint256 i; i < n; ++i) {
            (,, uint256 coll) = market.positions(handler.borrowers(i));
            sumColl += coll;
        }
        assertEq(sumColl, market.totalCollateral(), "LM_INV_F: total collateral = sum of positions' collateral");
        assertGe(collateral.balanceOf(address(market)), sumColl, "LM_INV_F: collateral balance >= total collateral");
    }

    /// LM_INV_G: rounding favours the protocol: lenders' claims never exceed total supply, and borrows
    /// never exceed supply (insurance cash is not lent).
    function invariant_roundingFavoursProtocol() public view {
        uint256 totalAssets = market.totalSupplyAssets();
        uint256 totalShares = market.totalSupplyShares();
        uint256 sumClaims;
        uint256 sumShares;
        uint256 n = handler.lenderCount();
        for (uint256 i; i < n; ++i) {
            (uint256 shares,,) = market.positions(handler.lenders(i));
            sumShares += shares;
            sumClaims += shares.toAssetsDown(totalAssets, totalShares);
        }
        assertEq(sumShares, totalShares, "LM_INV_G: supply shares of lenders sum to total supply shares");
        assertLe(sumClaims, totalAssets, "LM_INV_G: sum of lender claims <= total supply assets");
        assertLe(market.totalBorrowAssets(), totalAssets, "LM_INV_G: total borrows <= total supply");
    }

    /// LM_INV_H: no borrow or liquidation succeeds on a stale oracle answer.
    function invariant_noActionOnStaleAnswer() public view {
        assertEq(handler.actionsOnStaleAnswer(), 0, "LM_INV_H: no borrow or liquidation on a stale answer");
    }

    /// LM_INV_I: lenders are solvent: the market's cash plus what borrowers owe covers every lender's
    /// claim plus the insurance fund.
    function invariant_lendersSolvent() public view {
        uint256 totalAssets = market.totalSupplyAssets();
        uint256 totalShares = market.totalSupplyShares();
        uint256 claims;
        uint256 n = handler.lenderCount();
        for (uint256 i; i < n; ++i) {
            (uint256 shares,,) = market.positions(handler.lenders(i));
            claims += shares.toAssetsDown(totalAssets, totalShares);
        }
        assertGe(
            loan.balanceOf(address(market)) + market.totalBorrowAssets(),
            claims + market.insuranceFund(),
            "LM_INV_I: cash + debts >= lender claims + insurance"
        );
    }

    /// LM_INV_J: a liquidation never lowers the liquidated position's health factor (unless it closes it),
    /// within 2 wei of collateral-value rounding.
    function invariant_liquidationNeverLowersHealth() public view {
        assertEq(handler.liquidationsLoweringHealth(), 0, "LM_INV_J: a liquidation never lowers the position's health");
    }

    /// LM_INV_K: insurance is conserved: fund = seeds + liquidation fees - bad debt covered, each recomputed
    /// from its formula.
    function invariant_insuranceConserved() public view {
        assertEq(market.insuranceFund(), handler.expectedInsuranceFund(), "LM_INV_K: fund = seed + fees - covered");
    }

    /// @dev The shock alone reaches what the campaign guards, from the set-up state.
    function test_shock_liquidatesAndRealizesBadDebt() public {
        handler.shock(1, 5000);
        assertGt(handler.liquidations(), 0, "a liquidation");
        assertGt(handler.badDebtEvents(), 0, "bad debt realized");
        assertEq(market.insuranceFund(), handler.expectedInsuranceFund(), "insurance ghost tracks the fund");
    }

    /// Every run must reach what LM_INV_C..K guard: liquidations, and bad debt realized.
    function afterInvariant() public view {
        assertGt(handler.liquidations(), 0, "campaign reached no liquidation");
        assertGt(handler.badDebtEvents(), 0, "campaign realized no bad debt");
    }
}
