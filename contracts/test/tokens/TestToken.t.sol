// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Errors} from "../../src/libraries/Errors.sol";
import {TestToken} from "../../src/tokens/TestToken.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract TestTokenTest is BaseTest {
    TestToken internal token;

    function setUp() public {
        token = new TestToken("USD Coin", "USDC", 6, address(this));
    }

    function test_decimals_areConfigurable() public view {
        assertEq(uint256(token.decimals()), 6, "decimals");
    }

    function test_mint_byOwnerAndMinter() public {
        token.mint(address(1), 5);
        token.setMinter(address(2), true);
        vm.prank(address(2));
        token.mint(address(1), 7);
        assertEq(token.balanceOf(address(1)), 12, "minted");
    }

    function test_mint_revertsForOthers() public {
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotMinter.selector, address(3)));
        vm.prank(address(3));
        token.mint(address(3), 1);
    }

    function test_setMinter_revokes() public {
        token.setMinter(address(2), true);
        token.setMinter(address(2), false);
        vm.expectRevert(abi.encodeWithSelector(Errors.CallerIsNotMinter.selector, address(2)));
        vm.prank(address(2));
        token.mint(address(2), 1);
    }
}
