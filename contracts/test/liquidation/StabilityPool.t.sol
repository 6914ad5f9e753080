// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {StabilityPool} from "../../src/liquidation/StabilityPool.sol";
import {MarketTestBase} from "../lending/MarketTestBase.sol";

/// @notice StabilityPool as the market's liquidation module (SP-*): 18-decimal collateral, 6-decimal loan,
///         the base's fixed 75/80 design at 2000, caller share 0.5%. BORROWER's 10 collateral back 15,000;
///         at 1800 its health factor is 0.96 and the collateral (18,000) is worth 3,000 more than the debt.
contract StabilityPoolTest is MarketTestBase {
    using MathLib for uint256;

    uint256 internal constant CALLER_SHARE = 0.005e18;
    address internal constant ALICE = address(0xA11CE);
    address internal constant DAVE = address(0xDA7E);
    address internal constant KEEPER = address(0xCA11);

    StabilityPool internal pool;

    constructor() MarketTestBase(18, 6) {}

    function setUp() public override {
        super.setUp();
        pool = new StabilityPool(ILendingMarket(address(market)), CALLER_SHARE);
        market.setLiquidationModule(ILiquidationModule(address(pool)));
        _fundDepositor(ALICE);
        _fundDepositor(DAVE);
        _open(BORROWER, 10 * C, 15_000 * L);
    }

    function _fundDepositor(address account) internal {
        loan.mint(account, 1_000_000_000 * L);
        vm.prank(account);
        loan.approve(address(pool), type(uint256).max);
    }

    function _poolDeposit(address depositor, uint256 assets) internal returns (uint256 shares) {
        vm.prank(depositor);
        shares = pool.deposit(assets);
    }

    function _poolWithdraw(address depositor, uint256 shares) internal returns (uint256 assets, uint256 coll) {
        vm.prank(depositor);
        (assets, coll) = pool.withdraw(shares);
    }

    function _underwater(int256 answer) internal {
        vm.warp(block.timestamp + 12);
        vm.roll(block.number + 1);
        _setPrice(answer);
    }

    function _absorb(address borrower) internal returns (uint256 debt, uint256 coll) {
        vm.prank(KEEPER);
        (debt, coll) = pool.absorb(borrower);
    }

    /// @dev The pool's value at `answer`: loan balance + collateral balance valued rounded down.
    function _nav(int256 answer) internal view returns (uint256) {
        return pool.loanBalance() + _value(pool.collateralBalance(), answer);
    }

    // ---------------------------------------------------------------- constructor

    function test_constructor_refusesZeroMarketAndCallerShareAboveFivePercent() public {
        vm.expectRevert(Errors.AddressIsZero.selector);
        new StabilityPool(ILendingMarket(address(0)), CALLER_SHARE);
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerShareTooLarge.selector, 0.05e18 + 1, 0.05e18));
        new StabilityPool(ILendingMarket(address(market)), 0.05e18 + 1);
        StabilityPool max = new StabilityPool(ILendingMarket(address(market)), 0.05e18);
        assertEq(max.callerShare(), 0.05e18, "5% is allowed");
    }

    function test_constructor_readsTheMarketsTokensAndApprovesTheMarket() public view {
        assertEq(address(pool.market()), address(market), "market");
        assertEq(address(pool.loanToken()), address(loan), "loan token");
        assertEq(address(pool.collateralToken()), address(collateral), "collateral token");
        assertEq(loan.allowance(address(pool), address(market)), type(uint256).max, "market approved");
        assertEq(collateral.allowance(address(pool), address(market)), 0, "collateral not approved");
    }

    // ---------------------------------------------------------------- deposit / withdraw

    /// SP-1: the first deposit mints shares = assets.
    function test_deposit_firstDepositMintsSharesEqualToAssets() public {
        vm.expectEmit(true, false, false, true, address(pool));
        emit StabilityPool.Deposit(ALICE, 50_000 * L, 50_000 * L);
        uint256 shares = _poolDeposit(ALICE, 50_000 * L);
        assertEq(shares, 50_000 * L, "shares = assets");
        assertEq(pool.sharesOf(ALICE), 50_000 * L, "sharesOf");
        assertEq(pool.totalShares(), 50_000 * L, "totalShares");
        assertEq(pool.loanBalance(), 50_000 * L, "loanBalance");
        assertEq(loan.balanceOf(address(pool)), 50_000 * L, "tokens moved in");
        assertEq(_poolDeposit(DAVE, 1), 1, "a second deposit before any absorb mints at 1:1");
    }

    function test_deposit_zeroReverts() public {
        vm.prank(ALICE);
        vm.expectRevert(Errors.AmountIsZero.selector);
        pool.deposit(0);
    }

    function test_withdraw_zeroAndMoreThanHeldRevert() public {
        _poolDeposit(ALICE, 1_000 * L);
        vm.prank(ALICE);
        vm.expectRevert(Errors.AmountIsZero.selector);
        pool.withdraw(0);
        vm.prank(ALICE);
        vm.expectRevert(abi.encodeWithSelector(Errors.WithdrawExceedsShares.selector, 1_000 * L, 1_000 * L + 1));
        pool.withdraw(1_000 * L + 1);
        vm.prank(DAVE);
        vm.expectRevert(abi.encodeWithSelector(Errors.WithdrawExceedsShares.selector, 0, 1));
        pool.withdraw(1);
    }

    function test_withdraw_beforeAnyAbsorbReturnsTheDeposit() public {
        _poolDeposit(ALICE, 1_000 * L);
        uint256 before = loan.balanceOf(ALICE);
        vm.expectEmit(true, false, false, true, address(pool));
        emit StabilityPool.Withdraw(ALICE, 400 * L, 400 * L, 0);
        (uint256 assets, uint256 coll) = _poolWithdraw(ALICE, 400 * L);
        assertEq(assets, 400 * L, "assets");
        assertEq(coll, 0, "no collateral");
        assertEq(loan.balanceOf(ALICE) - before, 400 * L, "paid");
        assertEq(pool.sharesOf(ALICE), 600 * L, "shares left");
    }

    // ---------------------------------------------------------------- absorb

    /// SP-2: absorb repays the debt exactly, keeps the collateral less the caller's 0.5%, and the pool's
    ///       value rises by the liquidation discount; tokens move only between market, pool and caller.
    function test_absorb_repaysTheDebtExactlyAndKeepsTheCollateral() public {
        _poolDeposit(ALICE, 100_000 * L);
        _underwater(1800e8);
        uint256 debt = market.debtOf(BORROWER);
        assertGt(debt, 15_000 * L, "interest accrued");
        uint256 navBefore = _nav(1800e8);
        uint256 marketLoan = loan.balanceOf(address(market));
        uint256 marketColl = collateral.balanceOf(address(market));
        uint256 badDebtBefore = market.totalBadDebt();

        vm.expectEmit(true, true, false, true, address(pool));
        emit StabilityPool.Absorb(BORROWER, KEEPER, debt, 10 * C, 0.05e18);
        (uint256 repaid, uint256 taken) = _absorb(BORROWER);

        assertEq(repaid, debt, "the whole debt repaid");
        assertEq(taken, 10 * C, "the whole collateral taken");
        assertEq(market.debtOf(BORROWER), 0, "the borrower owes nothing");
        assertEq(market.debtOf(address(pool)), 0, "the pool owes nothing");
        (, uint256 poolShares,) = market.positions(address(pool));
        assertEq(poolShares, 0, "the pool holds no borrow shares");
        assertEq(market.totalBorrowShares(), 0, "no debt left in the market");
        assertEq(market.totalBadDebt(), badDebtBefore, "no bad debt");
        assertEq(pool.loanBalance(), 100_000 * L - debt, "debt paid from the loan balance");
        assertEq(pool.collateralBalance(), 9.95e18, "collateral kept less the caller reward");
        assertEq(collateral.balanceOf(KEEPER), 0.05e18, "caller reward: 0.5% of the collateral");
        assertEq(loan.balanceOf(address(market)) - marketLoan, debt, "the market received exactly the debt");
        assertEq(marketColl - collateral.balanceOf(address(market)), 10 * C, "the market released the collateral");
        assertEq(loan.balanceOf(address(pool)), pool.loanBalance(), "pool loan tokens = loanBalance");
        assertEq(collateral.balanceOf(address(pool)), pool.collateralBalance(), "pool collateral = collateralBalance");
        // 9.95 x 1800 = 17,910 for a debt of ~15,000: the depositors' gain is the discount less the reward
        assertEq(_nav(1800e8), navBefore + 17_910 * L - debt, "NAV rises by the discount");
        assertEq(pool.totalShares(), 100_000 * L, "no shares minted by an absorb");
    }

    /// SP-3: with no caller share the caller gets nothing and the pool keeps all the collateral.
    function test_absorb_zeroCallerShareKeepsAllCollateral() public {
        StabilityPool bare = new StabilityPool(ILendingMarket(address(market)), 0);
        market.setLiquidationModule(ILiquidationModule(address(bare)));
        vm.startPrank(ALICE);
        loan.approve(address(bare), type(uint256).max);
        bare.deposit(20_000 * L);
        vm.stopPrank();
        _underwater(1800e8);
        vm.prank(KEEPER);
        bare.absorb(BORROWER);
        assertEq(bare.collateralBalance(), 10 * C, "all collateral kept");
        assertEq(collateral.balanceOf(KEEPER), 0, "no reward");
    }

    /// SP-4: an underwater position (collateral worth less than the debt) is still repaid whole: the
    ///       depositors take the loss, the lenders none.
    function test_absorb_underwaterPositionLosesForDepositorsNotLenders() public {
        _poolDeposit(ALICE, 100_000 * L);
        _underwater(1400e8); // 10 x 1400 = 14,000 < 15,000
        uint256 debt = market.debtOf(BORROWER);
        uint256 supplyBefore = market.totalSupplyAssets();
        _absorb(BORROWER);
        assertEq(market.totalBadDebt(), 0, "no bad debt");
        assertEq(market.totalSocializedLoss(), 0, "nothing socialized");
        assertGe(market.totalSupplyAssets(), supplyBefore, "lenders lose nothing");
        assertEq(_nav(1400e8), 100_000 * L - debt + _value(9.95e18, 1400e8), "NAV falls by debt - collateral value");
        assertLt(_nav(1400e8), 100_000 * L, "depositors lose");
    }

    function test_absorb_refusesHealthyPositionsAndPositionsWithoutDebt() public {
        _poolDeposit(ALICE, 100_000 * L);
        vm.expectRevert(abi.encodeWithSelector(Errors.PositionNotLiquidatable.selector, market.healthFactor(BORROWER)));
        _absorb(BORROWER);
        vm.expectRevert(Errors.PositionHasNoDebt.selector);
        _absorb(BORROWER2);
    }

    function test_absorb_revertsWhileThePoolIsNotTheMarketsModule() public {
        market.setLiquidationModule(ILiquidationModule(address(0)));
        _poolDeposit(ALICE, 100_000 * L);
        _underwater(1800e8);
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotLiquidationModule.selector, address(pool)));
        _absorb(BORROWER);
    }

    /// SP-5: with a pool too small the pool declines, absorb reverts PoolCannotCover, and the market's own
    ///       liquidation is the fallback; with enough deposits the market routes liquidations to the pool.
    function test_fallback_smallPoolDeclinesAndTheMarketLiquidatesDirectly() public {
        _underwater(1800e8);
        uint256 debt = market.debtOf(BORROWER);
        assertTrue(!pool.takesLiquidation(BORROWER, debt, 10 * C), "an empty pool declines");
        _poolDeposit(ALICE, 1_000 * L);
        assertTrue(!pool.takesLiquidation(BORROWER, debt, 10 * C), "a small pool declines");
        vm.expectRevert(abi.encodeWithSelector(Errors.PoolCannotCover.selector, 1_000 * L, debt));
        _absorb(BORROWER);

        vm.prank(LIQUIDATOR);
        (uint256 repaid,,) = market.liquidate(BORROWER, type(uint256).max);
        assertEq(repaid, debt.wMulDown(CLOSE_FACTOR), "the market's own liquidation, at the close factor");
        assertEq(pool.loanBalance(), 1_000 * L, "the pool untouched");
        assertEq(pool.collateralBalance(), 0, "no collateral to the pool");
    }

    function test_fallback_enoughDepositsRouteLiquidationsToThePool() public {
        _underwater(1800e8);
        uint256 debt = market.debtOf(BORROWER);
        _poolDeposit(ALICE, debt - 1);
        assertTrue(!pool.takesLiquidation(BORROWER, debt, 10 * C), "one wei short declines");
        _poolDeposit(DAVE, 1);
        assertTrue(pool.takesLiquidation(BORROWER, debt, 10 * C), "exactly the debt takes it");
        vm.prank(LIQUIDATOR);
        vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationRoutedToModule.selector, address(pool)));
        market.liquidate(BORROWER, type(uint256).max);
        (uint256 repaid,) = _absorb(BORROWER);
        assertEq(repaid, debt, "absorbed instead");
        assertEq(pool.loanBalance(), 0, "the pool spent its whole balance");
    }

    /// SP-6: interest between takesLiquidation and absorb: the check uses the debt the transfer returns.
    function test_absorb_checksTheDebtWithInterestAtTheTransfer() public {
        _underwater(1800e8);
        uint256 debt = market.debtOf(BORROWER);
        _poolDeposit(ALICE, debt);
        assertTrue(pool.takesLiquidation(BORROWER, debt, 10 * C), "covers the debt as read");
        vm.warp(block.timestamp + 1 days);
        _setPrice(1800e8);
        uint256 grown = market.debtOf(BORROWER);
        assertGt(grown, debt, "interest grew the debt");
        vm.expectRevert(abi.encodeWithSelector(Errors.PoolCannotCover.selector, debt, grown));
        _absorb(BORROWER);
        (, uint256 borrowerShares, uint256 borrowerColl) = market.positions(BORROWER);
        assertGt(borrowerShares, 0, "the transfer was rolled back");
        assertEq(borrowerColl, 10 * C, "the collateral too");
    }

    // ---------------------------------------------------------------- shares after absorbs

    /// SP-7: after an absorb, withdrawals pay both tokens pro rata, rounded down, and the last one empties the pool.
    function test_withdraw_proRataOfBothBalancesAfterAnAbsorb() public {
        _poolDeposit(ALICE, 60_000 * L);
        _poolDeposit(DAVE, 40_000 * L);
        _underwater(1800e8);
        (uint256 debt,) = _absorb(BORROWER);
        uint256 loanLeft = 100_000 * L - debt;

        (uint256 aliceLoan, uint256 aliceColl) = _poolWithdraw(ALICE, 60_000 * L);
        assertEq(aliceLoan, loanLeft * 60 / 100, "60% of the loan balance");
        assertEq(aliceColl, 9.95e18 * 60 / 100, "60% of the collateral");
        assertEq(collateral.balanceOf(ALICE), aliceColl, "collateral paid");

        (uint256 daveLoan, uint256 daveColl) = _poolWithdraw(DAVE, 40_000 * L);
        assertEq(daveLoan, loanLeft - aliceLoan, "the rest of the loan balance");
        assertEq(daveColl, 9.95e18 - aliceColl, "the rest of the collateral");
        assertEq(pool.totalShares(), 0, "no shares");
        assertEq(pool.loanBalance(), 0, "empty loan balance");
        assertEq(pool.collateralBalance(), 0, "empty collateral balance");
        assertEq(loan.balanceOf(address(pool)), 0, "no loan tokens left");
        assertEq(collateral.balanceOf(address(pool)), 0, "no collateral left");
    }

    function test_withdraw_roundsDownForTheDepositorsLeft() public {
        _poolDeposit(ALICE, 3 * L);
        _poolDeposit(DAVE, 30_000 * L);
        _underwater(1800e8);
        _absorb(BORROWER);
        uint256 loanBefore = pool.loanBalance();
        uint256 collBefore = pool.collateralBalance();
        uint256 supply = pool.totalShares();
        (uint256 a, uint256 c) = _poolWithdraw(ALICE, 1);
        assertEq(a, loanBefore / supply, "loan rounded down");
        assertEq(c, collBefore / supply, "collateral rounded down");
        assertLt(a * supply, loanBefore + 1, "never more than the share's part");
    }

    /// SP-8: a later depositor buys in at the pool's value and does not take the earlier depositor's gain.
    function test_deposit_laterDepositorDoesNotTakeTheEarlierGain() public {
        _poolDeposit(ALICE, 20_000 * L);
        _underwater(1800e8);
        (uint256 debt,) = _absorb(BORROWER);
        uint256 aliceValue = 20_000 * L - debt + 17_910 * L; // her claim: the loan left and 9.95 at 1800
        assertEq(_nav(1800e8), aliceValue, "Alice owns the gain");

        uint256 shares = _poolDeposit(DAVE, 20_000 * L);
        assertEq(shares, uint256(20_000 * L).mulDivDown(20_000 * L, aliceValue), "minted at the pool's value");
        assertLt(shares, 20_000 * L, "fewer shares than assets: each share is worth more than 1");

        (uint256 daveLoan, uint256 daveColl) = _poolWithdraw(DAVE, shares);
        uint256 daveValue = daveLoan + _value(daveColl, 1800e8);
        assertLe(daveValue, 20_000 * L, "Dave gets no more than he paid");
        assertApproxEqAbs(daveValue, 20_000 * L, 4, "and loses only rounding");
        (uint256 aliceLoan, uint256 aliceColl) = _poolWithdraw(ALICE, 20_000 * L);
        assertGe(aliceLoan + _value(aliceColl, 1800e8) + 1, aliceValue, "Alice keeps her gain");
        assertGt(aliceColl, daveColl, "Alice leaves with more collateral than Dave");
    }

    /// SP-9: two depositors through an absorb share it in proportion to their shares.
    function test_absorb_sharedByDepositorsInProportion() public {
        _poolDeposit(ALICE, 30_000 * L);
        _poolDeposit(DAVE, 10_000 * L);
        _open(BORROWER2, 5 * C, 7_500 * L);
        _underwater(1800e8);
        _absorb(BORROWER);
        _absorb(BORROWER2);
        (uint256 aLoan, uint256 aColl) = _poolWithdraw(ALICE, 30_000 * L);
        (uint256 dLoan, uint256 dColl) = _poolWithdraw(DAVE, 10_000 * L);
        assertApproxEqAbs(aLoan, 3 * dLoan, 3, "loan split 3:1");
        assertApproxEqAbs(aColl, 3 * dColl, 3, "collateral split 3:1");
        assertEq(aColl + dColl, uint256(15 * C).wMulDown(1e18 - CALLER_SHARE), "both positions' collateral less rewards");
    }

    // ---------------------------------------------------------------- oracle

    /// SP-10: a deposit values the pool's collateral at a fresh, positive oracle answer; withdrawals read no oracle.
    function test_deposit_needsAFreshPositiveAnswerOnlyWhileThePoolHoldsCollateral() public {
        vm.warp(block.timestamp + 2 hours); // stale, but the pool holds no collateral
        _poolDeposit(ALICE, 20_000 * L);
        _underwater(1800e8);
        _absorb(BORROWER);
        vm.warp(block.timestamp + MAX_AGE + 1);
        (, uint256 updatedAt) = market.oracleAnswer();
        vm.prank(DAVE);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerStale.selector, updatedAt, MAX_AGE));
        pool.deposit(1_000 * L);
        _poolWithdraw(ALICE, 1_000 * L); // no oracle needed to leave
        _setPrice(0);
        vm.prank(DAVE);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(0)));
        pool.deposit(1_000 * L);
        _setPrice(-1);
        vm.prank(DAVE);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(-1)));
        pool.deposit(1_000 * L);
    }

    function test_deposit_valuesCollateralAtTheCurrentAnswer() public {
        _poolDeposit(ALICE, 20_000 * L);
        _underwater(1800e8);
        (uint256 debt,) = _absorb(BORROWER);
        _setPrice(2200e8);
        uint256 value = 20_000 * L - debt + 21_890 * L; // 9.95 x 2200
        uint256 shares = _poolDeposit(DAVE, 10_000 * L);
        assertEq(shares, uint256(10_000 * L).mulDivDown(20_000 * L, value), "collateral at 2200");
    }

    function test_deposit_tooSmallForOneShareReverts() public {
        _poolDeposit(ALICE, 20_000 * L);
        _underwater(1800e8);
        _absorb(BORROWER); // a share is now worth more than one loan unit
        vm.prank(DAVE);
        vm.expectRevert(abi.encodeWithSelector(Errors.DepositMintsNoShares.selector, 1));
        pool.deposit(1);
    }

    // ---------------------------------------------------------------- fuzz

    /// @dev For any pool size and price drop: the pool absorbs exactly when it covers the debt (repaying it
    ///      to the wei), and otherwise declines so the market liquidates directly.
    function testFuzz_absorb_exactlyWhenThePoolCovers(uint256 deposit, uint256 price) public {
        deposit = bound(deposit, 1, 40_000 * L);
        price = bound(price, 1000e8, 1874e8); // HF < 1 below 1875
        _poolDeposit(ALICE, deposit);
        _underwater(int256(price));
        uint256 debt = market.debtOf(BORROWER);
        bool covers = deposit >= debt;
        assertEq(pool.takesLiquidation(BORROWER, debt, 10 * C), covers, "takes iff it covers");
        if (covers) {
            vm.prank(LIQUIDATOR);
            vm.expectRevert(abi.encodeWithSelector(Errors.LiquidationRoutedToModule.selector, address(pool)));
            market.liquidate(BORROWER, type(uint256).max);
            (uint256 repaid,) = _absorb(BORROWER);
            assertEq(repaid, debt, "repaid exactly");
            assertEq(pool.loanBalance(), deposit - debt, "loan balance");
            assertEq(pool.collateralBalance(), 10 * C - uint256(10 * C).wMulDown(CALLER_SHARE), "collateral");
            assertEq(market.debtOf(address(pool)), 0, "no debt left on the pool");
            assertEq(market.totalBadDebt(), 0, "no bad debt");
        } else {
            vm.expectRevert(abi.encodeWithSelector(Errors.PoolCannotCover.selector, deposit, debt));
            _absorb(BORROWER);
            vm.prank(LIQUIDATOR);
            (uint256 repaid,,) = market.liquidate(BORROWER, type(uint256).max);
            assertGt(repaid, 0, "the fallback liquidates");
        }
    }

    /// @dev A deposit followed by a withdrawal of the shares it minted never returns more value than paid,
    ///      whatever the pool's state and price.
    function testFuzz_depositThenWithdraw_neverProfits(uint256 first, uint256 second, uint256 price, uint256 later)
        public
    {
        first = bound(first, 16_000 * L, 200_000 * L);
        second = bound(second, 1, 200_000 * L);
        price = bound(price, 1000e8, 1874e8);
        later = bound(later, 500e8, 5000e8);
        _poolDeposit(ALICE, first);
        _underwater(int256(price));
        _absorb(BORROWER);
        _setPrice(int256(later));
        uint256 value = pool.loanBalance() + pool.collateralBalance().mulDivUp(later * L, C * 1e8);
        uint256 expected = second.mulDivDown(pool.totalShares(), value);
        if (expected == 0) {
            vm.prank(DAVE);
            vm.expectRevert(abi.encodeWithSelector(Errors.DepositMintsNoShares.selector, second));
            pool.deposit(second);
            return;
        }
        uint256 shares = _poolDeposit(DAVE, second);
        assertEq(shares, expected, "shares at the pool's value rounded down");
        (uint256 a, uint256 c) = _poolWithdraw(DAVE, shares);
        assertLe(a + _value(c, int256(later)), second, "no profit from a round trip");
    }

    /// @dev Any partial withdrawal pays shares x balance / totalShares of each token, rounded down.
    function testFuzz_withdraw_paysProRataRoundedDown(uint256 a, uint256 d, uint256 shares) public {
        a = bound(a, 1, 100_000 * L);
        d = bound(d, 16_000 * L, 100_000 * L);
        _poolDeposit(ALICE, a);
        _poolDeposit(DAVE, d);
        _underwater(1800e8);
        _absorb(BORROWER);
        shares = bound(shares, 1, a);
        uint256 supply = pool.totalShares();
        uint256 loanBefore = pool.loanBalance();
        uint256 collBefore = pool.collateralBalance();
        (uint256 paid, uint256 coll) = _poolWithdraw(ALICE, shares);
        assertEq(paid, shares.mulDivDown(loanBefore, supply), "loan pro rata");
        assertEq(coll, shares.mulDivDown(collBefore, supply), "collateral pro rata");
        assertEq(pool.loanBalance(), loanBefore - paid, "loan balance");
        assertEq(pool.collateralBalance(), collBefore - coll, "collateral balance");
    }
}
