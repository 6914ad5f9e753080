// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {BlackScholesLib} from "../../src/options/BlackScholesLib.sol";
import {PositionHealth, Series} from "../../src/options/IOptionVault.sol";
import {OptionVault} from "../../src/options/OptionVault.sol";
import {OptionVaultConfig} from "../../src/options/OptionVaultBase.sol";
import {RiskBasedOptionMargin, RiskBasedOptionMarginConfig} from "../../src/options/RiskBasedOptionMargin.sol";
import {VolatilityOracle} from "../../src/options/VolatilityOracle.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Drives the vault for invariant runs: price moves of at most 20% a step and jumps (down 20-50%,
///         up 25-100%) within [500, 5000]; the volatility oracle poked on the feed's rounds (realized
///         volatility follows the moves, which now lift the risk-based margin) and a keeper-set implied
///         volatility within [0, 200%]; time passing (up to 4 hours a step, mostly with a feed heartbeat,
///         so the 12-hour and 1-day series expire and settle during a run); writers near their initial
///         margin, collateral moves, sales of longs; a liquidator scanning for liquidatable positions;
///         settlement at a (sometimes wrong) round hint, writers' settlement and redemption. Ghost
///         counters record what is only observable around a call, and count the states the invariants
///         guard (liquidations, shortfalls, settlements, redemptions), so a run shows what it reached.
contract OptionHandler is BaseTest {
    uint256 internal constant WAD = 1e18;

    OptionVault public immutable vault;
    PushFeed public immutable feed;
    VolatilityOracle public immutable volOracle;
    TestToken public immutable weth;
    TestToken public immutable usdc;

    address[] public writers;
    address[] public holders; // writers, then the buyer, then the liquidator
    address public constant BUYER = address(0xB0B);
    address public constant LIQUIDATOR = address(0x11C);

    // ---- violations (the invariants require 0)
    uint256 public liquidationsAboveMaintenance;
    uint256 public liquidationsLeavingBelowMaintenance;
    uint256 public liquidationsOnStaleAnswer;
    uint256 public redemptionsAboveIntrinsic;
    uint256 public redemptionsNotIntrinsicWhenCovered;
    uint256 public redemptionsUnfair;
    uint256 public settlementsOffExpiryRound;

    // ---- reached states (a campaign must see each)
    uint256 public liquidations;
    uint256 public insolventLiquidations;
    uint256 public shortfallsRealized; // insolvent liquidations plus writers settling short
    uint256 public settlements;
    uint256 public redemptions;
    uint256 public haircutRedemptions; // paid below intrinsic value: a shared shortfall

    /// @dev Per series, the share of intrinsic value the pool could pay before anyone redeemed (WAD).
    mapping(uint256 seriesId => uint256) public referenceRate;
    mapping(uint256 seriesId => bool) internal _redeemedOnce;

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

    /// @notice The feed's first round stamped at or after `expiry`, 0 if none yet (the feed's rounds run from 1).
    function expiryRound(uint256 expiry) public view returns (uint80 roundId) {
        for (uint80 r = feed.latestRound(); r > 0; --r) {
            (,,, uint256 updatedAt,) = feed.getRoundData(r);
            if (updatedAt < expiry) break;
            roundId = r;
        }
    }

    // ---------------------------------------------------------------- environment

    function movePrice(uint256 seed) external {
        _push(8000 + bound(seed, 0, 4000));
    }

    /// @dev A gap no liquidation can follow, down 20-50% or up 25-100%: what makes positions insolvent
    ///      and writers settle short.
    function jump(uint256 seed) external {
        _push(seed % 2 == 0 ? bound(seed, 5000, 8000) : bound(seed, 12_500, 20_000));
    }

    function pokeVolatility() external {
        volOracle.poke();
    }

    function setImpliedVolatility(uint256 seed) external {
        volOracle.setImpliedVolatility(bound(seed, 0, 2e18));
    }

    /// @dev Three times in four the feed's heartbeat repeats the answer afterwards, so the vault is
    ///      usable again; the fourth leaves it stale until the next move.
    function passTime(uint256 seed) external {
        vm.warp(block.timestamp + bound(seed, 1, 4 hours));
        vm.roll(block.number + 1);
        if (seed % 4 != 0) _push(10_000);
    }

    // ---------------------------------------------------------------- writers and buyers

    /// @dev Writes over-collateralized, then withdraws down to the initial margin plus 0-10%, where
    ///      writers who maximize leverage sit and where a move makes them liquidatable.
    function write(uint256 who, uint256 id, uint256 amount, uint256 extraSeed) external {
        address w = writers[who % writers.length];
        id = id % vault.seriesCount();
        amount = bound(amount, 0.01e18, 5e18);
        bool inUnderlying = vault.getSeries(id).underlyingCollateral;
        vm.prank(w);
        try vault.write(id, amount, inUnderlying ? amount : amount * 20_000e6 / 1e18) {} catch {}
        PositionHealth memory h = vault.positionHealth(w, id);
        uint256 target = h.initialMargin * (10_000 + bound(extraSeed, 0, 1000)) / 10_000;
        if (h.collateralValue <= target) return;
        (uint256 spotPrice,) = vault.spot();
        uint256 excess = h.collateralValue - target;
        vm.prank(w);
        try vault.withdrawCollateral(id, inUnderlying ? excess * 1e18 / spotPrice : excess / 1e12) {} catch {}
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

    /// @dev Targets the first liquidatable position from the seed's (writer, series) on, as a bot
    ///      scanning the book would; with none, tries the seed's own (and must fail).
    function liquidate(uint256 who, uint256 id, uint256 amountSeed) external {
        uint256 n = vault.seriesCount();
        address w = writers[who % writers.length];
        id = id % n;
        for (uint256 k; k < writers.length * n; ++k) {
            address wk = writers[(who + k / n) % writers.length];
            uint256 idk = (id + k) % n;
            if (vault.getPosition(wk, idk).shortAmount != 0 && vault.positionHealth(wk, idk).liquidatable) {
                (w, id) = (wk, idk);
                break;
            }
        }
        PositionHealth memory h = vault.positionHealth(w, id);
        uint256 amount = amountSeed % 2 == 0 ? h.minLiquidationAmount : bound(amountSeed, 1, h.shortAmount + 1);
        (, bool fresh) = vault.spot();
        vm.prank(LIQUIDATOR);
        try vault.liquidate(w, id, amount) returns (uint256, uint256 shortfall) {
            ++liquidations;
            if (amount == h.shortAmount && h.collateralValue < h.markValue) ++insolventLiquidations;
            if (shortfall != 0) ++shortfallsRealized;
            if (h.collateralValue >= h.maintenanceMargin) ++liquidationsAboveMaintenance;
            if (!fresh) ++liquidationsOnStaleAnswer;
            PositionHealth memory a = vault.positionHealth(w, id);
            if (a.shortAmount != 0 && a.collateralValue < a.maintenanceMargin) ++liquidationsLeavingBelowMaintenance;
        } catch {}
    }

    // ---------------------------------------------------------------- settlement

    /// @dev Settles every expired series. Two calls in three name the expiry round; the third names any
    ///      round, which must fail unless it happens to be the expiry round.
    function settleSeries(uint256 roundSeed) external {
        for (uint256 id; id < vault.seriesCount(); ++id) {
            Series memory s = vault.getSeries(id);
            if (s.settled || block.timestamp < s.expiry) continue;
            uint80 expected = expiryRound(s.expiry);
            uint80 roundId = roundSeed % 3 == 0 ? uint80(bound(roundSeed, 0, feed.latestRound())) : expected;
            try vault.settleSeries(id, roundId) {
                ++settlements;
                if (roundId != expected) ++settlementsOffExpiryRound;
            } catch {}
        }
    }

    function settlePosition(uint256 who, uint256 id) external {
        _settlePosition(holders[who % holders.length], id % vault.seriesCount());
    }

    /// @dev Settles every writer of every settled series, as a keeper would before redemptions open.
    function settleWriters() external {
        for (uint256 id; id < vault.seriesCount(); ++id) {
            if (!vault.getSeries(id).settled) continue;
            for (uint256 i; i < holders.length; ++i) _settlePosition(holders[i], id);
        }
    }

    /// @dev Redeems for the first holder with longs, from the seed's on, in the first series from the
    ///      seed's on whose redemptions are open; with none, tries the seed's own.
    function redeem(uint256 who, uint256 id, uint256 amount) external {
        uint256 n = vault.seriesCount();
        address h = holders[who % holders.length];
        id = id % n;
        for (uint256 k; k < holders.length * n; ++k) {
            address hk = holders[(who + k / n) % holders.length];
            uint256 idk = (id + k) % n;
            Series memory sk = vault.getSeries(idk);
            if (sk.settled && sk.unsettledShort == 0 && vault.longOf(idk, hk) != 0) {
                (h, id) = (hk, idk);
                break;
            }
        }
        amount = bound(amount, 1, vault.longOf(id, h) + 1);
        Series memory before = vault.getSeries(id);
        vm.prank(h);
        try vault.redeem(id, amount) returns (uint256 payout) {
            ++redemptions;
            if (!_redeemedOnce[id]) {
                // pool and longs are final once writers have settled: the share every long is owed
                _redeemedOnce[id] = true;
                uint256 owed = intrinsicUnits(before, before.openInterest);
                referenceRate[id] = owed <= before.pool ? WAD : before.pool * WAD / owed;
            }
            _checkRedemption(before, id, amount, payout);
        } catch {}
    }

    // ---------------------------------------------------------------- internal

    /// @notice Intrinsic value of `amount` options in payout units as the vault rounds it: value, then units.
    function intrinsicUnits(Series memory s, uint256 amount) public pure returns (uint256) {
        uint256 value = amount * BlackScholesLib.intrinsicValue(s.settlementPrice, s.strike, s.isCall) / WAD;
        return s.underlyingCollateral ? value * WAD / s.settlementPrice : value / 1e12;
    }

    function _checkRedemption(Series memory s, uint256 id, uint256 amount, uint256 payout) internal {
        uint256 payoff = BlackScholesLib.intrinsicValue(s.settlementPrice, s.strike, s.isCall);
        // single-division figure: the vault's two roundings may sit 1 wei below it in WETH
        uint256 exact = s.underlyingCollateral ? amount * payoff / s.settlementPrice : amount * payoff / 1e30;
        if (payout > exact) ++redemptionsAboveIntrinsic;
        if (referenceRate[id] == WAD && (payout + 1 < exact || (!s.underlyingCollateral && payout != exact))) {
            ++redemptionsNotIntrinsicWhenCovered;
        }
        if (payout != intrinsicUnits(s, amount) * referenceRate[id] / WAD) ++redemptionsUnfair;
        if (payout < intrinsicUnits(s, amount)) ++haircutRedemptions;
    }

    function _settlePosition(address writer, uint256 id) internal {
        uint256 badDebtBefore = vault.getSeries(id).badDebt;
        try vault.settlePosition(writer, id) {
            if (vault.getSeries(id).badDebt > badDebtBefore) ++shortfallsRealized;
        } catch {}
    }

    /// @dev Next answer = last x factorBps / 10_000, kept within [500, 5000].
    function _push(uint256 factorBps) internal {
        (, int256 answer,,,) = feed.latestRoundData();
        feed.pushAnswer(int256(bound(uint256(answer) * factorBps / 10_000, 500e8, 5000e8)));
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

/// @dev Cheatcodes this file needs beyond the shared Vm interface.
interface VmSnapshots {
    function snapshotState() external returns (uint256);
    function revertToState(uint256 snapshotId) external returns (bool);
}

/// @notice Invariants of the options vault under a price- and volatility-shock handler (WETH 18 / USDC 6),
///         with the risk-based margin model and the EWMA volatility oracle in the loop.
contract OptionInvariantsTest is BaseTest {
    uint256 internal constant REACH_RUNS = 8;
    uint256 internal constant REACH_DEPTH = 128;

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
        volOracle = new VolatilityOracle(AggregatorV3Interface(address(feed)), address(this), 0.94e18, 0.5e18, 0.1e18, 3e18);
        volOracle.poke();
        vault = new OptionVault(
            OptionVaultConfig({
                loanToken: address(usdc),
                underlyingToken: address(weth),
                feed: address(feed),
                volatilitySource: address(volOracle),
                marginModel: address(_riskBasedMargin()),
                owner: address(this),
                maxOracleAge: 1 hours,
                liquidationPenalty: 0.1e18,
                premiumSpread: 0.02e18,
                strikeBand: 2e18
            })
        );
        uint64 t = uint64(block.timestamp);
        vault.createSeries(false, false, 1800e18, t + 1 days);
        vault.createSeries(true, false, 2200e18, t + 12 hours);
        vault.createSeries(true, true, 2200e18, t + 1 days);
        handler = new OptionHandler(vault, feed, volOracle, weth, usdc);
        feed.setKeeper(address(handler));
        volOracle.setKeeper(address(handler));
        weth.setMinter(address(handler), true);
        usdc.setMinter(address(handler), true);
        handler.setUpActors();
    }

    function _riskBasedMargin() internal returns (RiskBasedOptionMargin) {
        return new RiskBasedOptionMargin(
            RiskBasedOptionMarginConfig({
                sigmaMultiple: 3e18,
                horizon: 1 hours, // a fast liquidator: ranges a 20% step can breach, so liquidations happen
                minMove: 0.05e18,
                maxMove: 0.9e18,
                volShockUp: 1.5e18,
                gridPoints: 7,
                floorPct: 0.01e18,
                initialFactor: 1.2e18
            })
        );
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), _actions());
    }

    /// @dev The handler's actions, repeated for weight: prices, time, writing, liquidations and
    ///      redemptions come twice as often. The campaign and its reach test draw from this one list.
    function _actions() internal pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](19);
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
        selectors[11] = OptionHandler.jump.selector;
        selectors[12] = OptionHandler.pokeVolatility.selector;
        selectors[13] = OptionHandler.settleWriters.selector;
        selectors[14] = OptionHandler.movePrice.selector;
        selectors[15] = OptionHandler.passTime.selector;
        selectors[16] = OptionHandler.write.selector;
        selectors[17] = OptionHandler.liquidate.selector;
        selectors[18] = OptionHandler.redeem.selector;
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

    /// @dev B to E each check one invariant, run in two campaigns (a campaign per invariant_ function):
    ///      five campaigns of this handler would take most of the CI profile's time on their own.
    function invariant_liquidationsAndSettlement() public view {
        _liquidationOnlyBelowMaintenance();
        _settlementAtExpiryRound();
    }

    function invariant_redemptions() public view {
        _redemptionPaysIntrinsicWhenCovered();
        _fairRedemptions();
    }

    /// OPT_INV_B: no liquidation succeeds at or above maintenance margin, none on a stale answer, and none
    /// leaves an open position below maintenance.
    function _liquidationOnlyBelowMaintenance() internal view {
        assertEq(handler.liquidationsAboveMaintenance(), 0, "OPT_INV_B: no liquidation above maintenance");
        assertEq(handler.liquidationsOnStaleAnswer(), 0, "OPT_INV_B: no liquidation on a stale answer");
        assertEq(
            handler.liquidationsLeavingBelowMaintenance(), 0, "OPT_INV_B: liquidation leaves >= maintenance or closes"
        );
    }

    /// OPT_INV_C: every redemption pays at most the intrinsic value at the settlement price, and exactly
    /// it, rounded down, when the series' writers covered their obligations.
    function _redemptionPaysIntrinsicWhenCovered() internal view {
        assertEq(handler.redemptionsAboveIntrinsic(), 0, "OPT_INV_C: no redemption pays above intrinsic value");
        assertEq(handler.redemptionsNotIntrinsicWhenCovered(), 0, "OPT_INV_C: covered series pay exactly intrinsic");
    }

    /// OPT_INV_D: fair redemptions. Holders of one series get the same payout per option, the share of
    /// intrinsic value the pool covered before anyone redeemed, whoever redeems first, and the pool
    /// still pays every outstanding long that share.
    function _fairRedemptions() internal view {
        assertEq(handler.redemptionsUnfair(), 0, "OPT_INV_D: every redemption pays the series' one share");
        uint256 n = handler.holderCount();
        for (uint256 id; id < vault.seriesCount(); ++id) {
            Series memory s = vault.getSeries(id);
            if (!s.settled || s.unsettledShort != 0) continue;
            uint256 owed;
            for (uint256 i; i < n; ++i) {
                owed += handler.intrinsicUnits(s, vault.longOf(id, handler.holders(i))) * s.recoveryRate / 1e18;
            }
            assertLe(owed, s.pool, "OPT_INV_D: the pool pays every outstanding long its share");
        }
    }

    /// OPT_INV_E: settlement at the expiry round. Every settled series' price is the answer of the feed's
    /// first round stamped at or after its expiry, whenever and with whatever round hint it was settled.
    function _settlementAtExpiryRound() internal view {
        assertEq(handler.settlementsOffExpiryRound(), 0, "OPT_INV_E: no settlement at another round");
        for (uint256 id; id < vault.seriesCount(); ++id) {
            Series memory s = vault.getSeries(id);
            if (!s.settled) continue;
            (, int256 answer,,,) = feed.getRoundData(handler.expiryRound(s.expiry));
            assertEq(s.settlementPrice, uint256(answer) * 1e10, "OPT_INV_E: settled at the expiry round's answer");
        }
    }

    /// @notice The handler reaches the states the invariants guard: a scripted run of its own actions
    ///         writes near margin, crashes, liquidates an insolvent writer, expires, settles a writer short
    ///         and redeems at a shared haircut. If a handler change made these unreachable, this fails.
    function test_handler_reachesGuardedStates() public {
        handler.write(0, 0, 5e18, 0); // 5 puts at 1800 at the initial margin
        handler.write(1, 0, 5e18, 0);
        handler.write(2, 1, 5e18, 0); // 5 calls at 2200
        handler.jump(0); // 2000 -> 1000: the puts are insolvent
        handler.pokeVolatility();
        handler.liquidate(0, 0, 0);
        assertGt(handler.liquidations(), 0, "liquidated");
        assertGt(handler.insolventLiquidations(), 0, "an insolvent liquidation");
        for (uint256 i; i < 7; ++i) handler.passTime(4 hours); // both expiries pass, no heartbeat
        handler.movePrice(4000); // the expiry round of every series
        handler.settleSeries(1);
        assertEq(handler.settlements(), 3, "settled at the expiry round");
        handler.settleWriters(); // writer 1's puts owe 800 each against their margin
        assertGt(handler.shortfallsRealized(), 1, "shortfalls realized at liquidation and at settlement");
        handler.redeem(4, 0, 1e18); // the liquidator, twice: the same payout each time
        handler.redeem(4, 0, 1e18);
        assertEq(handler.redemptions(), 2, "redeemed");
        assertGt(handler.haircutRedemptions(), 0, "a shortfall shared pro rata");
        assertEq(handler.redemptionsUnfair(), 0, "and fairly");
    }

    /// @notice The campaign reaches the states the invariants guard. A replay of REACH_RUNS runs of
    ///         REACH_DEPTH calls drawn from the campaign's own weighted actions with pseudo-random
    ///         arguments (each run from the set-up state, as in the campaign) must, over all runs,
    ///         liquidate (insolvent positions among them), realize shortfalls, settle and redeem (a
    ///         shared haircut is rarer: the scripted test above reaches it). If a handler or vault change left these states unreached, the invariants
    ///         above would pass vacuously; this fails instead.
    function test_campaign_reachesGuardedStates() public {
        bytes4[] memory actions = _actions();
        uint256[5] memory reached;
        for (uint256 run; run < REACH_RUNS; ++run) {
            uint256 snapshot = VmSnapshots(address(vm)).snapshotState();
            for (uint256 k; k < REACH_DEPTH; ++k) {
                uint256 x = uint256(keccak256(abi.encode(run, k)));
                // actions take up to 4 words; extra calldata is ignored
                (bool ok,) = address(handler).call(
                    abi.encodeWithSelector(
                        actions[x % actions.length], keccak256(abi.encode(x, 1)), keccak256(abi.encode(x, 2)),
                        keccak256(abi.encode(x, 3)), keccak256(abi.encode(x, 4))
                    )
                );
                assertTrue(ok, "handler actions never revert");
            }
            reached[0] += handler.liquidations();
            reached[1] += handler.insolventLiquidations();
            reached[2] += handler.shortfallsRealized();
            reached[3] += handler.settlements();
            reached[4] += handler.redemptions();
            VmSnapshots(address(vm)).revertToState(snapshot);
        }
        assertGt(reached[0], 0, "REACH: liquidations");
        assertGt(reached[1], 0, "REACH: insolvent liquidations");
        assertGt(reached[2], 0, "REACH: shortfalls realized");
        assertGt(reached[3], 0, "REACH: settlements");
        assertGt(reached[4], 0, "REACH: redemptions");
    }

    function _units(Series memory s, uint256 value) internal pure returns (uint256) {
        return s.underlyingCollateral ? value * 1e18 / s.settlementPrice : value / 1e12;
    }
}
