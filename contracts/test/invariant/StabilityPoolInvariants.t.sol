// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {ILendingMarket} from "../../src/lending/ILendingMarket.sol";
import {ILiquidationModule} from "../../src/lending/ILiquidationModule.sol";
import {LendingMarket} from "../../src/lending/LendingMarket.sol";
import {RateParams} from "../../src/lending/libraries/RateLib.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {StabilityPool} from "../../src/liquidation/StabilityPool.sol";
import {FixedMargin} from "../../src/margin/FixedMargin.sol";
import {IMarginModel} from "../../src/margin/IMarginModel.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Drives a StabilityPool (caller share 0.5%) as the liquidation module of a WETH 18 / USDC 6 market:
///         three depositors enter and leave (also all at once), borrowers open positions, the price moves
///         +-20% a step within [200, 5000], time passes (interest, stale answers), a donor sends tokens to
///         the pool directly, and a shock (a borrower of 1..200 collateral at the initial LTV, a 10-50% crash)
///         resolves every position below health 1 through the pool when it covers and the market otherwise
///         (half the shocks first deposit enough to cover every debt).
///         Ghost counters record what can only be seen around a call, and how often each state was reached.
contract StabilityPoolHandler is BaseTest {
    using MathLib for uint256;

    uint256 internal constant C = 1e18;
    uint256 internal constant L = 1e6;
    address public constant LENDER = address(0x1E01);
    address public constant LIQUIDATOR = address(0x11C);
    address public constant KEEPER = address(0xCA11);
    address public constant DONOR = address(0xD0D0);

    LendingMarket public immutable market;
    StabilityPool public immutable pool;
    PushFeed public immutable feed;
    TestToken public immutable collateral;
    TestToken public immutable loan;

    address[] public depositors;
    address[] public borrowers;

    // ghosts
    uint256 public donatedLoan;
    uint256 public donatedCollateral;
    uint256 public callerRewards;
    uint256 public absorbMismatch;
    uint256 public routingMismatch;
    uint256 public depositMispriced;
    uint256 public claimsDiluted;
    uint256 public withdrawMismatch;
    uint256 public fullExitLeftTokens;

    // coverage
    uint256 public shocks;
    uint256 public deposits;
    uint256 public depositsPricedWithCollateral;
    uint256 public withdrawals;
    uint256 public fullExits;
    uint256 public absorbs;
    uint256 public absorbsWithGain;
    uint256 public absorbsWithLoss;
    uint256 public fallbackLiquidations;
    uint256 public routedReverts;

    constructor(LendingMarket market_, StabilityPool pool_, PushFeed feed_, TestToken collateral_, TestToken loan_) {
        market = market_;
        pool = pool_;
        feed = feed_;
        collateral = collateral_;
        loan = loan_;
        depositors.push(address(0xD001));
        depositors.push(address(0xD002));
        depositors.push(address(0xD003));
        borrowers.push(address(0xB001));
        borrowers.push(address(0xB002));
        borrowers.push(address(0xB003));
        borrowers.push(address(0xB004));
    }

    /// @notice Mints and approves for the cast and seeds the market's supply; the test calls it once the
    ///         handler is a minter.
    function fundActors() external {
        for (uint256 i; i < depositors.length; ++i) {
            loan.mint(depositors[i], 1e12 * L);
            vm.prank(depositors[i]);
            loan.approve(address(pool), type(uint256).max);
        }
        for (uint256 i; i < borrowers.length; ++i) _fundMarketUser(borrowers[i]);
        _fundMarketUser(LIQUIDATOR);
        _fundMarketUser(LENDER);
        collateral.mint(DONOR, 1e6 * C);
        loan.mint(DONOR, 1e9 * L);
        vm.prank(LENDER);
        market.supply(10_000_000 * L);
    }

    function depositorCount() external view returns (uint256) {
        return depositors.length;
    }

    function borrowerCount() external view returns (uint256) {
        return borrowers.length;
    }

    // ---------------------------------------------------------------- environment

    function movePrice(uint256 seed) external {
        uint256 next = _price() * (8000 + bound(seed, 0, 4000)) / 10_000;
        feed.pushAnswer(int256(bound(next, 200e8, 5000e8)));
    }

    function passTime(uint256 seed) external {
        vm.warp(block.timestamp + bound(seed, 1, 2 hours));
        vm.roll(block.number + 1);
    }

    /// @notice Tokens sent to the pool directly: not counted in its balances, so not in the share price.
    function donate(uint256 loanSeed, uint256 collSeed) external {
        uint256 a = bound(loanSeed, 0, 10_000 * L);
        uint256 c = bound(collSeed, 0, 10 * C);
        vm.startPrank(DONOR);
        loan.transfer(address(pool), a);
        collateral.transfer(address(pool), c);
        vm.stopPrank();
        donatedLoan += a;
        donatedCollateral += c;
    }

    // ---------------------------------------------------------------- depositors

    function deposit(uint256 who, uint256 amount) external {
        _deposit(depositors[who % depositors.length], bound(amount, 1, 200_000 * L));
    }

    /// @notice The first depositor from `who` on that holds shares withdraws some of them.
    function withdraw(uint256 who, uint256 seed) external {
        for (uint256 k; k < depositors.length; ++k) {
            address d = depositors[(who + k) % depositors.length];
            uint256 held = pool.sharesOf(d);
            if (held == 0) continue;
            _withdraw(d, bound(seed, 1, held));
            return;
        }
    }

    /// @notice Every depositor leaves with all its shares: the pool must end empty.
    function exitAll() external {
        for (uint256 i; i < depositors.length; ++i) {
            uint256 held = pool.sharesOf(depositors[i]);
            if (held != 0) _withdraw(depositors[i], held);
        }
    }

    // ---------------------------------------------------------------- borrowers

    function open(uint256 who, uint256 sizeSeed, uint256 ltvSeed) external {
        address b = borrowers[who % borrowers.length];
        vm.prank(b);
        market.depositCollateral(bound(sizeSeed, 1, 100) * C);
        (,, uint256 held) = market.positions(b);
        uint256 headroom = held.mulDivDown(_price() * L, C * 1e8).wMulDown(0.75e18).zeroFloorSub(market.debtOf(b));
        uint256 wanted = MathLib.min(headroom * bound(ltvSeed, 50, 100) / 100, market.availableLiquidity());
        if (wanted > 1) {
            vm.prank(b);
            try market.borrow(wanted - 1) {} catch {}
        }
    }

    /// @notice A borrower opens at the initial LTV, the price crashes 10-50% (liquidatable beyond 6.25%,
    ///         underwater beyond 25%), and every position below health 1 goes to the pool when it covers the
    ///         debt, to the market's own liquidation otherwise.
    function shock(uint256 who, uint256 sizeSeed, uint256 dropSeed) external {
        // By the run's own count, not the fuzzer's draws: the first shock of every run (and every other one
        // after it) finds the pool deep enough, so every run absorbs; shocks alternate in pairs between
        // trying the market directly first and not.
        uint256 n = shocks++;
        uint256 p = MathLib.max(_price(), 1000e8);
        feed.pushAnswer(int256(p));
        address b = borrowers[who % borrowers.length];
        vm.prank(b);
        market.depositCollateral(bound(sizeSeed, 1, 200) * C);
        (,, uint256 held) = market.positions(b);
        uint256 headroom = held.mulDivDown(p * L, C * 1e8).wMulDown(0.75e18).zeroFloorSub(market.debtOf(b));
        uint256 available = market.availableLiquidity();
        if (available < headroom) {
            vm.prank(LENDER);
            market.supply(headroom - available);
        }
        uint256 wanted = MathLib.min(headroom, market.availableLiquidity());
        if (wanted > 1) {
            vm.prank(b);
            try market.borrow(wanted - 1) {} catch {}
        }
        if (n % 2 == 0) _fundPoolForEveryDebt();
        feed.pushAnswer(int256(p * (10_000 - bound(dropSeed, 1000, 5000)) / 10_000));
        for (uint256 i; i < borrowers.length; ++i) {
            address x = borrowers[i];
            if (market.debtOf(x) == 0 || market.healthFactor(x) >= 1e18) continue;
            (,, uint256 coll) = market.positions(x);
            bool takes = pool.takesLiquidation(x, market.debtOf(x), coll);
            // Every other pair of shocks first tries the market directly: it must refuse exactly when the pool takes.
            if (!takes || (n / 2) % 2 == 0) _liquidate(x);
            if (takes) _absorb(x);
        }
    }

    /// @dev Half the shocks find the pool deep enough for every open debt, so the campaign reaches
    ///      absorbs as well as the market fallback.
    function _fundPoolForEveryDebt() internal {
        uint256 debts;
        for (uint256 i; i < borrowers.length; ++i) debts += market.debtOf(borrowers[i]);
        uint256 held = pool.loanBalance();
        if (debts + 1 > held) _deposit(depositors[0], debts + 1 - held);
    }

    // ---------------------------------------------------------------- liquidation

    function absorb(uint256 who) external {
        _absorb(borrowers[who % borrowers.length]);
    }

    function liquidate(uint256 who) external {
        _liquidate(borrowers[who % borrowers.length]);
    }

    // ---------------------------------------------------------------- internal

    function _deposit(address d, uint256 amount) internal {
        uint256 supply = pool.totalShares();
        uint256 loanBefore = pool.loanBalance();
        uint256 collBefore = pool.collateralBalance();
        uint256 navBefore = _navDown();
        vm.prank(d);
        try pool.deposit(amount) returns (uint256 shares) {
            ++deposits;
            if (collBefore != 0) ++depositsPricedWithCollateral;
            if (supply == 0) {
                if (shares != amount) ++depositMispriced;
                return;
            }
            uint256 valueUp = loanBefore + collBefore.mulDivUp(_price() * L, C * 1e8);
            if (shares != amount.mulDivDown(supply, valueUp)) ++depositMispriced;
            // The others' value per share (at the oracle, rounded down) does not fall.
            if ((navBefore + amount) * supply < navBefore * (supply + shares)) ++claimsDiluted;
        } catch {}
    }

    function _withdraw(address d, uint256 shares) internal {
        uint256 supply = pool.totalShares();
        uint256 loanBefore = pool.loanBalance();
        uint256 collBefore = pool.collateralBalance();
        vm.prank(d);
        try pool.withdraw(shares) returns (uint256 assets, uint256 coll) {
            ++withdrawals;
            if (assets != shares.mulDivDown(loanBefore, supply) || coll != shares.mulDivDown(collBefore, supply)) {
                ++withdrawMismatch;
            }
            if (pool.totalShares() == 0) {
                ++fullExits;
                if (pool.loanBalance() != 0 || pool.collateralBalance() != 0) ++fullExitLeftTokens;
            }
        } catch {
            ++withdrawMismatch; // a withdrawal of held shares never reverts
        }
    }

    /// @dev The pool, market and keeper figures an absorb is checked against.
    struct AbsorbBefore {
        uint256 loan;
        uint256 coll;
        uint256 nav;
        uint256 badDebt;
        uint256 keeper;
    }

    function _absorb(address b) internal {
        uint256 debt = market.debtOf(b);
        (,, uint256 coll) = market.positions(b);
        bool liquidatable = debt != 0 && _fresh() && market.healthFactor(b) < 1e18;
        AbsorbBefore memory before = AbsorbBefore({
            loan: pool.loanBalance(),
            coll: pool.collateralBalance(),
            nav: _navDown(),
            badDebt: market.totalBadDebt(),
            keeper: collateral.balanceOf(KEEPER)
        });
        bool covers = before.loan >= debt;
        vm.prank(KEEPER);
        try pool.absorb(b) returns (uint256 repaid, uint256 taken) {
            ++absorbs;
            if (!covers || !liquidatable) {
                ++routingMismatch;
                return;
            }
            _checkAbsorb(b, debt, coll, repaid, taken, before);
        } catch {
            if (liquidatable && covers) ++routingMismatch;
        }
    }

    function _checkAbsorb(
        address b,
        uint256 debt,
        uint256 coll,
        uint256 repaid,
        uint256 taken,
        AbsorbBefore memory before
    ) internal {
        uint256 reward = taken.wMulDown(pool.callerShare());
        callerRewards += reward;
        (, uint256 poolDebtShares,) = market.positions(address(pool));
        if (
            repaid != debt || taken != coll || market.debtOf(b) != 0 || poolDebtShares != 0
                || market.totalBadDebt() != before.badDebt || pool.loanBalance() != before.loan - debt
                || pool.collateralBalance() != before.coll + coll - reward
                || collateral.balanceOf(KEEPER) - before.keeper != reward
        ) ++absorbMismatch;
        // NAV moves by the kept collateral's value less the debt (1 wei of flooring).
        uint256 keptValue = (coll - reward).mulDivDown(_price() * L, C * 1e8);
        uint256 navAfter = _navDown();
        if (navAfter + debt < before.nav + keptValue || navAfter + debt > before.nav + keptValue + 1) {
            ++absorbMismatch;
        }
        if (keptValue > debt) ++absorbsWithGain;
        else ++absorbsWithLoss;
    }

    function _liquidate(address b) internal {
        uint256 debt = market.debtOf(b);
        (,, uint256 coll) = market.positions(b);
        bool liquidatable = debt != 0 && _fresh() && market.healthFactor(b) < 1e18;
        bool takes = pool.takesLiquidation(b, debt, coll);
        vm.prank(LIQUIDATOR);
        try market.liquidate(b, type(uint256).max) {
            ++fallbackLiquidations;
            if (takes) ++routingMismatch;
        } catch (bytes memory err) {
            if (bytes4(err) == Errors.LiquidationRoutedToModule.selector) {
                ++routedReverts;
                if (!takes) ++routingMismatch;
            } else if (liquidatable) {
                ++routingMismatch; // a liquidatable position is either routed to the pool or liquidated
            }
        }
    }

    function _navDown() internal view returns (uint256) {
        return pool.loanBalance() + pool.collateralBalance().mulDivDown(_price() * L, C * 1e8);
    }

    function _price() internal view returns (uint256) {
        (, int256 answer,,,) = feed.latestRoundData();
        return uint256(answer);
    }

    function _fresh() internal view returns (bool) {
        (, uint256 updatedAt) = market.oracleAnswer();
        return block.timestamp - updatedAt <= market.maxOracleAge();
    }

    function _fundMarketUser(address account) internal {
        collateral.mint(account, 1e9 * C);
        loan.mint(account, 1e12 * L);
        vm.startPrank(account);
        collateral.approve(address(market), type(uint256).max);
        loan.approve(address(market), type(uint256).max);
        vm.stopPrank();
    }
}

/// @notice Invariants of the stability pool (SP-INV-*) under the handler above.
///         Config: hardhat.config.js test.solidity.invariant (CI: 64 runs x depth 128, fixed seed).
contract StabilityPoolInvariantsTest is BaseTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    TestToken internal collateral;
    TestToken internal loan;
    PushFeed internal feed;
    LendingMarket internal market;
    StabilityPool internal pool;
    StabilityPoolHandler internal handler;

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
        pool = new StabilityPool(ILendingMarket(address(market)), 0.005e18);
        market.setLiquidationModule(ILiquidationModule(address(pool)));
        handler = new StabilityPoolHandler(market, pool, feed, collateral, loan);
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
        selectors[0] = StabilityPoolHandler.movePrice.selector;
        selectors[1] = StabilityPoolHandler.passTime.selector;
        selectors[2] = StabilityPoolHandler.donate.selector;
        selectors[3] = StabilityPoolHandler.deposit.selector;
        selectors[4] = StabilityPoolHandler.withdraw.selector;
        selectors[5] = StabilityPoolHandler.exitAll.selector;
        selectors[6] = StabilityPoolHandler.open.selector;
        selectors[7] = StabilityPoolHandler.shock.selector;
        selectors[8] = StabilityPoolHandler.absorb.selector;
        selectors[9] = StabilityPoolHandler.liquidate.selector;
        selectors[10] = StabilityPoolHandler.deposit.selector; // deposits twice as likely, to keep the pool funded
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), selectors);
    }

    /// SP-INV-1: the depositors' shares sum to totalShares.
    function invariant_sharesSumToTotal() public view {
        uint256 sum;
        uint256 n = handler.depositorCount();
        for (uint256 i; i < n; ++i) sum += pool.sharesOf(handler.depositors(i));
        assertEq(sum, pool.totalShares(), "SP-INV-1: sum of sharesOf = totalShares");
    }

    /// SP-INV-2: the pool's token balances are its accounted balances plus what was donated (never counted).
    function invariant_tokenBalancesMatchAccounting() public view {
        assertEq(
            loan.balanceOf(address(pool)),
            pool.loanBalance() + handler.donatedLoan(),
            "SP-INV-2: loan tokens = loanBalance + donations"
        );
        assertEq(
            collateral.balanceOf(address(pool)),
            pool.collateralBalance() + handler.donatedCollateral(),
            "SP-INV-2: collateral tokens = collateralBalance + donations"
        );
    }

    /// SP-INV-3: the pool never holds market debt after an absorb.
    function invariant_poolHoldsNoMarketDebt() public view {
        (, uint256 shares,) = market.positions(address(pool));
        assertEq(shares, 0, "SP-INV-3: the pool holds no borrow shares");
    }

    /// SP-INV-4: no shares means an empty pool; withdrawing all shares empties it.
    function invariant_noSharesMeansEmptyPool() public view {
        if (pool.totalShares() == 0) {
            assertEq(pool.loanBalance(), 0, "SP-INV-4: no shares, no loan balance");
            assertEq(pool.collateralBalance(), 0, "SP-INV-4: no shares, no collateral balance");
        }
        assertEq(handler.fullExitLeftTokens(), 0, "SP-INV-4: the last withdrawal empties the pool");
    }

    /// SP-INV-5: every absorb repays the position's debt exactly (no bad debt), keeps its collateral less the
    /// caller reward, and moves the NAV by the kept collateral's value less the debt.
    function invariant_absorbRepaysExactly() public view {
        assertEq(handler.absorbMismatch(), 0, "SP-INV-5: absorb repaid the debt exactly and kept the collateral");
    }

    /// SP-INV-6: takesLiquidation decides the route: a liquidatable position the pool covers is absorbed and
    /// refused to direct liquidation; one it cannot cover is liquidated by the market.
    function invariant_takesLiquidationDecidesTheRoute() public view {
        assertEq(handler.routingMismatch(), 0, "SP-INV-6: the pool absorbs exactly what it covers");
    }

    /// SP-INV-7: deposits mint at the pool's value and never dilute the others' value per share; withdrawals
    /// pay exactly their pro-rata part of both balances, rounded down, and never revert on held shares.
    function invariant_depositsAndWithdrawalsAreFair() public view {
        assertEq(handler.depositMispriced(), 0, "SP-INV-7: deposit minted at the pool's value");
        assertEq(handler.claimsDiluted(), 0, "SP-INV-7: a deposit lowered the value per share");
        assertEq(handler.withdrawMismatch(), 0, "SP-INV-7: withdrawal paid pro rata");
    }

    /// SP-INV-8: no token reaches a third party: the cast, the pool and the market hold the whole supply of
    /// both tokens, and the caller holds exactly the caller rewards.
    function invariant_noTokensToThirdParties() public view {
        assertEq(_held(loan), loan.totalSupply(), "SP-INV-8: every loan token is with the cast, pool or market");
        assertEq(_held(collateral), collateral.totalSupply(), "SP-INV-8: every collateral token is with the cast, pool or market");
        assertEq(collateral.balanceOf(handler.KEEPER()), handler.callerRewards(), "SP-INV-8: the caller got the rewards only");
        assertEq(loan.balanceOf(handler.KEEPER()), 0, "SP-INV-8: the caller got no loan tokens");
    }

    /// Every run must reach the states the invariants speak of.
    function afterInvariant() public view {
        assertTrue(handler.deposits() > 0, "the campaign deposited");
        assertTrue(handler.withdrawals() > 0, "the campaign withdrew");
        assertTrue(handler.absorbs() > 0, "the campaign absorbed a position");
        assertTrue(handler.fallbackLiquidations() + handler.routedReverts() > 0, "the campaign tried direct liquidations");
    }

    function _held(TestToken token) internal view returns (uint256 sum) {
        for (uint256 i; i < handler.depositorCount(); ++i) sum += token.balanceOf(handler.depositors(i));
        for (uint256 i; i < handler.borrowerCount(); ++i) sum += token.balanceOf(handler.borrowers(i));
        sum += token.balanceOf(handler.LENDER()) + token.balanceOf(handler.LIQUIDATOR());
        sum += token.balanceOf(handler.KEEPER()) + token.balanceOf(handler.DONOR());
        sum += token.balanceOf(address(pool)) + token.balanceOf(address(market)) + token.balanceOf(address(handler));
    }
}
