// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AggregatorV3Interface} from "../../src/interfaces/AggregatorV3Interface.sol";
import {Errors} from "../../src/libraries/Errors.sol";
import {MathLib} from "../../src/libraries/MathLib.sol";
import {MorphoOracleAdapter} from "../../src/oracle/MorphoOracleAdapter.sol";
import {PushFeed} from "../../src/oracle/PushFeed.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract MorphoOracleAdapterTest is BaseTest {
    using MathLib for uint256;

    /// @dev Morpho's ORACLE_PRICE_SCALE (ConstantsLib).
    uint256 internal constant ORACLE_PRICE_SCALE = 1e36;

    PushFeed internal feed;
    TestToken internal weth;
    TestToken internal usdc;
    MorphoOracleAdapter internal adapter;

    function setUp() public {
        vm.warp(1_700_000_000);
        feed = new PushFeed(8, "WETH / USDC", address(this));
        weth = new TestToken("Wrapped Ether", "WETH", 18, address(this));
        usdc = new TestToken("USD Coin", "USDC", 6, address(this));
        adapter = new MorphoOracleAdapter(feed, address(weth), address(usdc));
    }

    /// MORPHO_ORACLE_A: one WETH is worth the feed's answer in USDC base units, as Morpho values
    /// collateral (collateral x price / 1e36).
    function test_price_wethUsdcValuesOneEtherAtTheAnswer() public {
        feed.pushAnswer(2000e8);
        assertEq(adapter.scaleFactor(), 1e16, "10^(36 + 6 - 18 - 8)");
        assertEq(adapter.price(), 2000e24, "answer x 1e16");
        assertEq(uint256(1e18).mulDivDown(adapter.price(), ORACLE_PRICE_SCALE), 2000e6, "1 WETH = 2000 USDC");
    }

    /// MORPHO_ORACLE_B: the price follows every push (no caching, no staleness rule of its own).
    function test_price_followsEveryPush() public {
        feed.pushAnswer(2000e8);
        vm.warp(block.timestamp + 365 days);
        feed.pushAnswer(1400_12345678);
        assertEq(adapter.price(), 1400_12345678 * 1e16, "latest round, however old");
    }

    function test_price_revertsBeforeFirstPush() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(0)));
        adapter.price();
    }

    function test_price_revertsForNegativeAnswer() public {
        feed.pushAnswer(-5);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerNonPositive.selector, int256(-5)));
        adapter.price();
    }

    function test_price_revertsWhenScalingWouldOverflow() public {
        int256 answer = int256(type(uint256).max / 1e16 + 1);
        feed.pushAnswer(answer);
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerTooLarge.selector, answer));
        adapter.price();
    }

    function test_constructor_revertsForZeroAddresses() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.AddressIsZero.selector));
        new MorphoOracleAdapter(AggregatorV3Interface(address(0)), address(weth), address(usdc));
        vm.expectRevert(abi.encodeWithSelector(Errors.AddressIsZero.selector));
        new MorphoOracleAdapter(feed, address(0), address(usdc));
    }

    function test_constructor_revertsForMoreThan18Decimals() public {
        TestToken wide = new TestToken("Wide", "WIDE", 19, address(this));
        vm.expectRevert(abi.encodeWithSelector(Errors.TokenDecimalsTooLarge.selector, uint8(19)));
        new MorphoOracleAdapter(feed, address(wide), address(usdc));
        PushFeed wideFeed = new PushFeed(19, "WIDE", address(this));
        vm.expectRevert(abi.encodeWithSelector(Errors.OracleDecimalsTooLarge.selector, uint8(19)));
        new MorphoOracleAdapter(wideFeed, address(weth), address(usdc));
    }

    /// MORPHO_ORACLE_A, fuzzed over decimals: for any token and feed decimals up to 18, any answer and
    /// any amount whose scaled price fits in 256 bits, Morpho's valuation of the collateral in loan base units equals the feed's, floored:
    /// amount x answer x 10^loanDecimals / (10^collateralDecimals x 10^feedDecimals).
    function testFuzz_price_valuesCollateralAsTheFeedDoes(
        uint8 collateralSeed,
        uint8 loanSeed,
        uint8 feedSeed,
        uint256 answerSeed,
        uint256 amountSeed
    ) public {
        uint8 collateralDecimals = uint8(bound(collateralSeed, 0, 18));
        uint8 loanDecimals = uint8(bound(loanSeed, 0, 18));
        uint8 feedDecimals = uint8(bound(feedSeed, 0, 18));
        uint256 answer = bound(answerSeed, 1, 1e30);
        uint256 amount = bound(amountSeed, 0, 1e30);
        PushFeed f = new PushFeed(feedDecimals, "fuzz", address(this));
        MorphoOracleAdapter a = new MorphoOracleAdapter(
            f,
            address(new TestToken("C", "C", collateralDecimals, address(this))),
            address(new TestToken("L", "L", loanDecimals, address(this)))
        );
        f.pushAnswer(int256(answer));
        if (answer > type(uint256).max / a.scaleFactor()) {
            // Wide loan decimals over a narrow collateral and feed: the 1e36-scaled price has no room.
            vm.expectRevert(abi.encodeWithSelector(Errors.OracleAnswerTooLarge.selector, int256(answer)));
            a.price();
            return;
        }

        uint256 morphoValue = amount.mulDivDown(a.price(), ORACLE_PRICE_SCALE);
        uint256 feedValue = (amount * answer).mulDivDown(10 ** loanDecimals, 10 ** (uint256(collateralDecimals) + feedDecimals));
        assertEq(morphoValue, feedValue, "Morpho's collateral value = the feed's");
    }
}
