// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DynamicMargin, DynamicMarginConfig} from "../../src/margin/DynamicMargin.sol";
import {MarginParams} from "../../src/margin/IMarginModel.sol";
import {UniV2SpotFeed} from "../../src/oracle/UniV2SpotFeed.sol";
import {UniV2TwapFeed} from "../../src/oracle/UniV2TwapFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {MockUniswapV2Pair} from "../mocks/MockUniswapV2Pair.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {DynamicMarginConfigs} from "../margin/DynamicMarginConfigs.sol";

/// @notice Drives two DynamicMargin models, one over the pair's spot price (manipulable) and one over
///         its TWAP, through trades that move the pair up to 3x either way, manipulations undone within
///         the block, and blocks passing. It is the keeper: it pokes, and checks every poke's move.
contract DynamicMarginHandler is BaseTest {
    MockUniswapV2Pair public immutable pair;
    address public immutable weth;
    UniV2TwapFeed public immutable twap;
    DynamicMargin[2] public models;

    /// @dev Ghosts: moves beyond one step in a block (must stay 0), and moves where the step limit bound.
    uint256 public thresholdOversteps;
    uint256 public bonusOversteps;
    uint256 public bindingThresholdSteps;
    uint256 public pokes;

    constructor(MockUniswapV2Pair pair_, address weth_, UniV2TwapFeed twap_) {
        pair = pair_;
        weth = weth_;
        twap = twap_;
    }

    function setModels(DynamicMargin spotModel, DynamicMargin twapModel) external {
        models[0] = spotModel;
        models[1] = twapModel;
    }

    /// @notice A trade that moves the price by a factor in [1/3, 3], keeping the product of reserves.
    function trade(uint256 seed) external {
        (uint256 c, uint256 l) = reserves();
        uint256 factor = bound(seed, 333, 3000); // per mille
        uint256 newC = c * 1000 / sqrt1000(factor);
        uint256 newL = c * l / newC;
        _set(bound(newC, 1e18, 1e24), bound(newL, 1e9, 1e15));
    }

    /// @notice Swap, poke and swap back in one block: the manipulation the models must bound.
    function manipulateAndPoke(uint256 seed) external {
        (uint256 c, uint256 l) = reserves();
        if (seed % 2 == 0) _set(c / 10 + 1, l * 10);
        else _set(c * 10, l / 10 + 1);
        _pokeAll();
        _set(c, l);
    }

    function nextBlocks(uint256 seed) external {
        uint256 n = bound(seed, 1, 3);
        vm.roll(block.number + n);
        vm.warp(block.timestamp + 12 * n);
    }

    function poke() external {
        _pokeAll();
    }

    function reserves() public view returns (uint256 c, uint256 l) {
        (uint112 r0, uint112 r1,) = pair.getReserves();
        (c, l) = pair.token0() == weth ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
    }

    function _pokeAll() internal {
        try twap.poke() {} catch {}
        for (uint256 i; i < 2; ++i) {
            DynamicMargin m = models[i];
            uint256 thresholdBefore = m.globalThreshold();
            uint256 bonusBefore = m.bonus();
            bool newBlock = block.number > m.lastStepBlock();
            try m.poke() {
                ++pokes;
            } catch {
                continue;
            }
            uint256 thresholdStep = newBlock ? m.maxThresholdStepPerBlock() : 0;
            uint256 bonusStep = newBlock ? m.maxBonusStepPerBlock() : 0;
            uint256 moved = _diff(m.globalThreshold(), thresholdBefore);
            if (moved > thresholdStep) ++thresholdOversteps;
            if (moved == thresholdStep && moved != 0) ++bindingThresholdSteps;
            if (_diff(m.bonus(), bonusBefore) > bonusStep) ++bonusOversteps;
        }
    }

    function _set(uint256 c, uint256 l) internal {
        if (pair.token0() == weth) pair.setReserves(uint112(c), uint112(l));
        else pair.setReserves(uint112(l), uint112(c));
    }

    function _diff(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : b - a;
    }

    /// @dev sqrt(x / 1000) x 1000 for a per-mille factor, so reserves move by sqrt of the price factor.
    function sqrt1000(uint256 x) internal pure returns (uint256 y) {
        uint256 n = x * 1000;
        y = n;
        uint256 z = (n + 1) / 2;
        while (z < y) {
            y = z;
            z = (n / z + z) / 2;
        }
    }
}

/// @notice Invariants of DynamicMargin over Uniswap V2 spot and TWAP feeds under trades and manipulation.
contract DynamicMarginInvariantsTest is BaseTest {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    DynamicMarginHandler internal handler;
    DynamicMargin internal spotModel;
    DynamicMargin internal twapModel;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(100);
        TestToken weth = new TestToken("WETH", "WETH", 18, address(this));
        TestToken usdc = new TestToken("USDC", "USDC", 6, address(this));
        MockUniswapV2Pair pair = new MockUniswapV2Pair(address(weth), address(usdc));
        if (pair.token0() == address(weth)) pair.setReserves(1000e18, 2_000_000e6);
        else pair.setReserves(2_000_000e6, 1000e18);
        UniV2TwapFeed twap = new UniV2TwapFeed(address(pair), address(weth), 120, 2);
        handler = new DynamicMarginHandler(pair, address(weth), twap);
        spotModel = new DynamicMargin(_config(address(new UniV2SpotFeed(address(pair), address(weth))), address(pair), address(weth)));
        twapModel = new DynamicMargin(_config(address(twap), address(pair), address(weth)));
        handler.setModels(spotModel, twapModel);
    }

    function _config(address feed, address pair, address weth) internal view returns (DynamicMarginConfig memory) {
        return DynamicMarginConfigs.standard(feed, pair, weth, address(handler), 0.2e18);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function targetSelectors() public view returns (FuzzSelector[] memory targets) {
        bytes4[] memory selectors = new bytes4[](4);
        selectors[0] = DynamicMarginHandler.trade.selector;
        selectors[1] = DynamicMarginHandler.manipulateAndPoke.selector;
        selectors[2] = DynamicMarginHandler.nextBlocks.selector;
        selectors[3] = DynamicMarginHandler.poke.selector;
        targets = new FuzzSelector[](1);
        targets[0] = FuzzSelector(address(handler), selectors);
    }

    /// DM_INV_A: the global threshold moves at most one maxThresholdStepPerBlock per block, however long
    /// since the last poke and however many pokes a block holds.
    function invariant_thresholdMovesAtMostOneStepPerBlock() public view {
        assertEq(handler.thresholdOversteps(), 0, "DM_INV_A: threshold moves at most one step per block");
    }

    /// DM_INV_B: the bonus moves at most one maxBonusStepPerBlock per block.
    function invariant_bonusMovesAtMostOneStepPerBlock() public view {
        assertEq(handler.bonusOversteps(), 0, "DM_INV_B: bonus moves at most one step per block");
    }

    /// DM_INV_C: every answer keeps the IMarginModel promises: ltv <= threshold in [min, max] and
    /// threshold x (1 + bonus) < 1.
    function invariant_answersKeepTheMarginRules() public view {
        for (uint256 i; i < 2; ++i) {
            DynamicMargin m = i == 0 ? spotModel : twapModel;
            MarginParams memory p = m.params(address(1), 500e18);
            assertLe(p.initialLtv, p.liquidationThreshold, "DM_INV_C: ltv <= threshold");
            assertGe(p.liquidationThreshold, 0.6e18, "DM_INV_C: threshold >= min");
            assertLe(p.liquidationThreshold, 0.85e18, "DM_INV_C: threshold <= max");
            assertLt(p.liquidationThreshold * (1e18 + p.liquidationBonus) / 1e18, 1e18, "DM_INV_C: threshold x (1 + bonus) < 1");
        }
    }

    /// DM_INV_D: adding collateral never lowers collateral x threshold (health) or collateral x ltv (capacity).
    function invariant_addingCollateralNeverLowersCapacity() public view {
        for (uint256 i; i < 2; ++i) {
            DynamicMargin m = i == 0 ? spotModel : twapModel;
            for (uint256 c = 1e18; c <= 1e24; c *= 10) {
                MarginParams memory small = m.params(address(1), c);
                MarginParams memory big = m.params(address(1), 2 * c);
                assertGe(2 * big.liquidationThreshold, small.liquidationThreshold, "DM_INV_D: health never falls");
                assertGe(2 * big.initialLtv, small.initialLtv, "DM_INV_D: capacity never falls");
            }
        }
    }

    /// Every run must reach what DM_INV_A guards: pokes where the step limit bound the move.
    function afterInvariant() public view {
        assertGt(handler.pokes(), 0, "campaign never poked");
        assertGt(handler.bindingThresholdSteps(), 0, "campaign never moved the threshold by a full step");
    }
}
