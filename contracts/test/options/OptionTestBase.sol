// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {FixedOptionMargin} from "../../src/options/FixedOptionMargin.sol";
import {IOptionMarginModel} from "../../src/options/IOptionMarginModel.sol";
import {OptionLens} from "../../src/options/OptionLens.sol";
import {OptionVault} from "../../src/options/OptionVault.sol";
import {OptionVaultConfig} from "../../src/options/OptionVaultBase.sol";
import {VolatilityOracle} from "../../src/options/VolatilityOracle.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Deploys WETH (18) / USDC (6), a pushed 8-decimal feed at 2000, a volatility oracle (80%),
///         a margin model, the vault and its lens, and three 30-day series: put 1800 (USDC collateral),
///         call 2200 (USDC collateral), covered call 2200 (WETH collateral).
abstract contract OptionTestBase is BaseTest {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant USDC = 1e6;
    uint256 internal constant ETH = 1e18;
    uint256 internal constant T0 = 1_700_000_000;
    uint64 internal constant EXPIRY = uint64(T0 + 30 days);

    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    address internal constant LIQUIDATOR = address(0x11C);

    TestToken internal weth;
    TestToken internal usdc;
    PushFeed internal feed;
    VolatilityOracle internal volOracle;
    IOptionMarginModel internal margin;
    OptionVault internal vault;
    OptionLens internal lens;
    uint256 internal putId;
    uint256 internal callId;
    uint256 internal coveredCallId;

    function setUp() public virtual {
        vm.warp(T0);
        vm.roll(100);
        weth = new TestToken("Wrapped Ether", "WETH", 18, address(this));
        usdc = new TestToken("USD Coin", "USDC", 6, address(this));
        feed = new PushFeed(8, "WETH / USDC", address(this));
        feed.pushAnswer(2000e8);
        volOracle = new VolatilityOracle(AggregatorV3Interface(address(feed)), address(this), 0.94e18, 0.8e18, 0.1e18, 5e18);
        volOracle.poke();
        margin = _marginModel();
        vault = new OptionVault(
            OptionVaultConfig({
                loanToken: address(usdc),
                underlyingToken: address(weth),
                feed: address(feed),
                volatilitySource: address(volOracle),
                marginModel: address(margin),
                owner: address(this),
                maxOracleAge: 1 hours,
                liquidationPenalty: 0.1e18,
                premiumSpread: 0.02e18,
                strikeBand: 2e18
            })
        );
        lens = new OptionLens(vault);
        putId = vault.createSeries(false, false, 1800e18, EXPIRY);
        callId = vault.createSeries(true, false, 2200e18, EXPIRY);
        coveredCallId = vault.createSeries(true, true, 2200e18, EXPIRY);
        _fund(ALICE);
        _fund(BOB);
        _fund(LIQUIDATOR);
    }

    /// @dev Overridden by suites that test another design.
    function _marginModel() internal virtual returns (IOptionMarginModel) {
        return new FixedOptionMargin(0.2e18, 0.1e18, 1.2e18);
    }

    function _fund(address account) internal {
        weth.mint(account, 1_000 * ETH);
        usdc.mint(account, 10_000_000 * USDC);
        vm.startPrank(account);
        weth.approve(address(vault), type(uint256).max);
        usdc.approve(address(vault), type(uint256).max);
        vm.stopPrank();
    }

    /// @dev Calls `target` as `caller` and requires a revert whose selector is `selector`, whatever its
    ///      arguments (this Vm has no partial-revert cheatcode).
    function _assertRevertsWith(address caller, address target, bytes memory data, bytes4 selector, string memory message)
        internal
    {
        vm.prank(caller);
        (bool ok, bytes memory ret) = target.call(data);
        assertTrue(!ok, string.concat(message, ": did not revert"));
        assertTrue(ret.length >= 4 && bytes4(ret) == selector, string.concat(message, ": wrong error"));
    }

    function _setPrice(uint256 price8) internal {
        feed.pushAnswer(int256(price8));
    }

    function _write(address writer, uint256 seriesId, uint256 amount, uint256 collateral) internal {
        vm.prank(writer);
        vault.write(seriesId, amount, collateral);
    }

    /// @dev Collateral (series units) that exactly meets the initial margin now, plus `extraBps`.
    function _initialCollateral(uint256 seriesId, uint256 amount, uint256 extraBps) internal returns (uint256) {
        address probe = address(0xBEEF);
        _write(probe, seriesId, amount, _bigCollateral(seriesId));
        uint256 initialMargin = vault.positionHealth(probe, seriesId).initialMargin;
        vm.prank(probe);
        vault.closePosition(seriesId, amount);
        uint256 value = initialMargin * (10_000 + extraBps) / 10_000;
        if (vault.getSeries(seriesId).underlyingCollateral) {
            (uint256 spotPrice,) = vault.spot();
            return value * ETH / spotPrice + 1;
        }
        return value * USDC / WAD + 1;
    }

    function _bigCollateral(uint256 seriesId) internal returns (uint256) {
        address probe = address(0xBEEF);
        if (weth.allowance(probe, address(vault)) == 0) _fund(probe);
        return vault.getSeries(seriesId).underlyingCollateral ? 100 * ETH : 1_000_000 * USDC;
    }
}
