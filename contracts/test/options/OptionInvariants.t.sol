// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {BlackScholesLib} from "../../src/options/BlackScholesLib.sol";
import {FixedOptionMargin} from "../../src/options/FixedOptionMargin.sol";
import {PositionHealth, Series} from "../../src/options/IOptionVault.sol";
import {OptionVault} from "../../src/options/OptionVault.sol";
import {OptionVaultConfig} from "../../src/options/OptionVaultBase.sol";
import {VolatilityOracle} from "../../src/options/VolatilityOracle.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Drives the vault for invariant runs: price moves of at most 20% a step within [500, 5000],
///         implied volatility within [0, 200%] over a 30% realized floor (the EWMA is not poked here: a 20%
///         step within one block would pin it at its ceiling; VolatilityOracle.t.sol covers it), time passing (up to 12 hours a step, so the 1- and 2-day
///         series expire and settle during a run), writing, collateral moves, sales of longs,
///         liquidations, settlement and redemption. Ghost counters record what is only observable
///         around a call.
contract OptionHandler is BaseTest {
    OptionVault public immutable vault;
    PushFeed public immutable feed;
    VolatilityOracle public immutable volOracle;
    TestToken public immutable weth;
    TestToken public immutable usdc;

    address[] public writers;
    address[] public holders; // writers, then the buyer, then the liquidator
    address public constant BUYER = address(0xB0B);
    address public constant LIQUIDATOR = address(0x11C);

    uint256 public liquidationsAboveMaintenance;
    uint256 public liquidationsLeavingBelowMaintenance;
    uint256 public liquidationsOnStaleAnswer;
    uint256 public redemptionsNotIntrinsic;
    uint256 public liquidations;
    uint256 public redemptions;

    constructor(OptionVault vault_, PushFeed feed_, VolatilityOracle volOracle_, TestToken weth_, TestToken usdc_) {
        vault = vault_;
        feed = feed_;
        volOracle = volOracle_;
        weth = weth_;
        usdc = usdc_;
        writers.push(address(0xA001));
        writers.push(address(0xA002));
        writers.push(address(0xA003));
        for (uint256 i; i < writers.length; ++i) holders.push(writers[i]);
        holders.push(BUYER);
        holders.push(LIQUIDATOR);
    }

    /// @notice Funds the cast; the liquidator writes a fully secured book in every series to hold longs.
    function setUpActors() external {
        for (uint256 i; i < holders.length; ++i) _fund(holders[i]);
        vm.startPrank(LIQUIDATOR);
        for (uint256 id; id < vault.seriesCount(); ++id) {
            Series memory s = vault.getSeries(id);
            vault.write(id, 100e18, s.underlyingCollateral ? 100e18 : 2_000_000e6);
        }
        vm.stopPrank();
    }

    function holderCount() external view returns (uint256) {
        return holders.length;
    }

    function writerCount() external view returns (uint256) {
        return writers.length;
    }

    // ---------------------------------------------------------------- environment

    function movePrice(uint256 seed) external {
        (, int256 answer,,,) = feed.latestRoundData();
        uint256 next = uint256(answer) * (8000 + bound(seed, 0, 4000)) / 10_000;
        feed.pushAnswer(int256(bound(next, 500e8, 5000e8)));
    }

    function setImpliedVolatility(uint256 seed) external {
        volOracle.setImpliedVolatility(bound(seed, 0, 2e18));
    }

    function passTime(uint256 seed) external {
        vm.warp(block.timestamp + bound(seed, 1, 12 hours));
        vm.roll(block.number + 1);
    }

    // ---------------------------------------------------------------- writers and buyers

    function write(uint256 who, uint256 id, uint256 amount, uint256 collateralSeed) external {
        address w = writers[who % writers.length];
        id = id % vault.seriesCount();
        amount = bound(amount, 0.01e18, 5e18);
        uint256 collateral = vault.getSeries(id).underlyingCollateral
            ? amount * bound(collateralSeed, 0.2e18, 1.2e18) / 1e18
            : amount * bound(collateralSeed, 100e6, 3000e6) / 1e18;
        vm.prank(w);
        try vault.write(id, amount, collateral) {} catch {}
    }

    function withdrawCollateral(uint256 who, uint256 id, uint256 amount) external {
        address w = writers[who % writers.length];
        id = id % vault.seriesCount();
        amount = bound(amount, 1, vault.getPosition(w, id).collateral + 1);
        vm.prank(w);
        try vault.withdrawCollateral(id, amount) {} catch {}
    }

    function depositCollateral(uint256 who, uint256 id, uint256 amount) external {
        address w = writers[who % writers.length];
        id = id % vault.seriesCount();
        amount = bound(amount, 1, vault.getSeries(id).underlyingCollateral ? 2e18 : 2000e6);
        vm.prank(w);
        try vault.depositCollateral(id, amount) {} catch {}
    }

    function sellLongs(uint256 who, uint256 id, uint256 amount) external {
        address w = writers[who % writers.length];
        id = id % vault.seriesCount();
        amount = bound(amount, 1, vault.longOf(id, w) + 1);
        vm.prank(w);
        vault.setOffer(id, amount);
        vm.prank(BUYER);
        try vault.buy(id, w, amount, type(uint256).max) {} catch {}
    }

    // ---------------------------------------------------------------- liquidator

    function liquidate(uint256 who, uint256 id, uint256 amountSeed) external {
        address w = writers[who % writers.length];
        id = id % vault.seriesCount();
        PositionHealth memory h = vault.positionHealth(w, id);
        uint256 amount = amountSeed % 2 == 0 ? h.minLiquidationAmount : bound(amountSeed, 1, h.shortAmount + 1);
        (, bool fresh) = vault.spot();
        vm.prank(LIQUIDATOR);
        try vault.liquidate(w, id, amount) {
            ++liquidations;
            if (h.collateralValue >= h.maintenanceMargin) ++liquidationsAboveMaintenance;
            if (!fresh) ++liquidationsOnStaleAnswer;
            PositionHealth memory a = vault.positionHealth(w, id);
            if (a.shortAmount != 0 && a.collateralValue < a.maintenanceMargin) ++liquidationsLeavingBelowMaintenance;
        } catch {}
    }

    // ---------------------------------------------------------------- settlement

    function settleSeries(uint256 id) external {
        try vault.settleSeries(id % vault.seriesCount(), feed.latestRound()) {} catch {}
    }

    function settlePosition(uint256 who, uint256 id) external {
        try vault.settlePosition(holders[who % holders.length], id % vault.seriesCount()) {} catch {}
    }

    function redeem(uint256 who, uint256 id, uint256 amount) external {
        address h = holders[who % holders.length];
        id = id % vault.seriesCount();
        amount = bound(amount, 1, vault.longOf(id, h) + 1);
        vm.prank(h);
        try vault.redeem(id, amount) returns (uint256 payout) {
            ++redemptions;
            if (!_isIntrinsic(vault.getSeries(id), amount, payout)) ++redemptionsNotIntrinsic;
        } catch {}
    }

    // ---------------------------------------------------------------- internal

    /// @dev Intrinsic value of `amount` options, rounded down: exact in USDC; in WETH the vault
    ///      rounds value then units, so it may sit 1 wei below the single-division figure.
    function _isIntrinsic(Series memory s, uint256 amount, uint256 payout) internal pure returns (bool) {
        uint256 payoff = BlackScholesLib.intrinsicValue(s.settlementPrice, s.strike, s.isCall);
        if (!s.underlyingCollateral) return payout == amount * payoff / 1e30;
        uint256 exact = amount * payoff / s.settlementPrice;
        return payout <= exact && payout + 1 >= exact;
    }

    function _fund(address account) internal {
        weth.mint(account, 1e6 * 1e18);
        usdc.mint(account, 1e12 * 1e6);
        vm.startPrank(account);
        weth.approve(address(vault), type(uint256).max);
        usdc.approve(address(vault), type(uint256).max);
        vm.stopPrank();
    }
}

/// @notice Invariants of the options vault under a price- and volatility-shock handler (WETH 18 / USDC 6).
contract OptionInvariantsTest is BaseTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    TestToken internal weth;
    TestToken internal usdc;
    PushFeed internal feed;
    VolatilityOracle internal volOracle;
    OptionVault internal vault;
    OptionHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        weth = new TestToken("Wrapped Ether", "WETH", 18, address(this));
        usdc = new TestToken("USD Coin", "USDC", 6, address(this));
        feed = new PushFeed(8, "WETH / USDC", address(this));
        feed.pushAnswer(2000e8);
        volOracle = new VolatilityOracle(AggregatorV3Interface(address(feed)), address(this), 0.94e18, 0.3e18, 0.1e18, 5e18);
        volOracle.poke();
        vault = new OptionVault(
            OptionVaultConfig({
                loanToken: address(usdc),
                underlyingToken: address(weth),
                feed: address(feed),
                volatilitySource: address(volOracle),
                marginModel: address(new FixedOptionMargin(0.2e18, 0.1e18, 1.2e18)),
                owner: address(this),
                maxOracleAge: 1 hours,
                liquidationPenalty: 0.1e18,
                premiumSpread: 0.02e18,
                strikeBand: 2e18
            })
        );
        uint64 t = uint64(block.timestamp);
        vault.createSeries(false, false, 1800e18, t + 2 days);
        vault.createSeries(true, false, 2200e18, t + 1 days);
        vault.createSeries(true, true, 2200e18, t + 1 days);
        handler = new OptionHandler(vault, feed, volOracle, weth, usdc);
        feed.setKeeper(address(handler));
        volOracle.setKeeper(address(handler));
        weth.setMinter(address(handler), true);
        usdc.setMinter(address(handler), true);
        handler.setUpActors();
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](12);
        selectors[0] = OptionHandler.movePrice.selector;
        selectors[1] = OptionHandler.setImpliedVolatility.selector;
        selectors[2] = OptionHandler.passTime.selector;
        selectors[3] = OptionHandler.write.selector;
        selectors[4] = OptionHandler.withdrawCollateral.selector;
        selectors[5] = OptionHandler.depositCollateral.selector;
        selectors[6] = OptionHandler.sellLongs.selector;
        selectors[7] = OptionHandler.liquidate.selector;
        selectors[8] = OptionHandler.settleSeries.selector;
        selectors[9] = OptionHandler.settlePosition.selector;
        selectors[10] = OptionHandler.redeem.selector;
        selectors[11] = OptionHandler.movePrice.selector; // price moves twice as often
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), selectors);
    }

    /// OPT_INV_A: vault solvency. The vault holds every token it accounts for (position collateral plus
    /// settlement pools), open longs equal open shorts in every series, and in a settled series the
    /// pool, the unsettled writers' collateral up to their obligations and the recorded bad debt
    /// together cover every outstanding long's payout: collateral covers liabilities or the shortfall
    /// is recorded.
    function invariant_vaultSolvency() public view {
        uint256 owedUsdc;
        uint256 owedWeth;
        uint256 n = handler.holderCount();
        for (uint256 id; id < vault.seriesCount(); ++id) {
            Series memory s = vault.getSeries(id);
            uint256 sumShort;
            uint256 sumLong;
            uint256 backing = s.pool + s.badDebt;
            uint256 claims;
            uint256 payoff = BlackScholesLib.intrinsicValue(s.settlementPrice, s.strike, s.isCall);
            for (uint256 i; i < n; ++i) {
                address a = handler.holders(i);
                uint256 short_ = vault.getPosition(a, id).shortAmount;
                uint256 coll = vault.getPosition(a, id).collateral;
                uint256 long_ = vault.longOf(id, a);
                sumShort += short_;
                sumLong += long_;
                if (s.underlyingCollateral) owedWeth += coll;
                else owedUsdc += coll;
                if (s.settled) {
                    // an unsettled writer's shortfall is recorded when it settles, so its whole obligation counts
                    backing += _units(s, short_ * payoff / 1e18);
                    claims += _units(s, long_ * payoff / 1e18);
                }
            }
            if (s.underlyingCollateral) owedWeth += s.pool;
            else owedUsdc += s.pool;
            assertEq(sumLong, s.openInterest, "OPT_INV_A: longs outstanding sum to the series' open interest");
            if (!s.settled) assertEq(sumShort, sumLong, "OPT_INV_A: before settlement open shorts equal open longs");
            assertGe(backing + n, claims, "OPT_INV_A: settled series: pool + collateral + bad debt cover long claims");
        }
        assertGe(usdc.balanceOf(address(vault)), owedUsdc, "OPT_INV_A: USDC balance covers collateral + pools");
        assertGe(weth.balanceOf(address(vault)), owedWeth, "OPT_INV_A: WETH balance covers collateral + pools");
    }

    /// OPT_INV_B: no liquidation succeeds at or above maintenance margin, none on a stale answer, and none
    /// leaves an open position below maintenance.
    function invariant_liquidationOnlyBelowMaintenance() public view {
        assertEq(handler.liquidationsAboveMaintenance(), 0, "OPT_INV_B: no liquidation above maintenance");
        assertEq(handler.liquidationsOnStaleAnswer(), 0, "OPT_INV_B: no liquidation on a stale answer");
        assertEq(
            handler.liquidationsLeavingBelowMaintenance(), 0, "OPT_INV_B: liquidation leaves >= maintenance or closes"
        );
    }

    /// OPT_INV_C: every redemption pays exactly the intrinsic value at the settlement price, rounded down.
    function invariant_settlementPaysIntrinsic() public view {
        assertEq(handler.redemptionsNotIntrinsic(), 0, "OPT_INV_C: settlement pays exactly intrinsic value");
    }

    function _units(Series memory s, uint256 value) internal pure returns (uint256) {
        return s.underlyingCollateral ? value * 1e18 / s.settlementPrice : value / 1e12;
    }
}
