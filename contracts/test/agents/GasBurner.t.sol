// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {GasBurner} from "../../src/agents/GasBurner.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract GasBurnerTest is BaseTest {
    GasBurner internal burner;

    function setUp() public {
        burner = new GasBurner();
    }

    function test_burn_usesAlmostAllTheGasGiven() public {
        uint256 before = gasleft();
        burner.burn{gas: 1_000_000}();
        uint256 used = before - gasleft();
        assertGe(used, 995_000, "burns the allowance");
        assertLe(used, 1_010_000, "and no more than it was given plus the call");
    }

    function testFuzz_burn_returnsForAnyAllowance(uint256 allowance) public {
        allowance = bound(allowance, 30_000, 10_000_000);
        uint256 before = gasleft();
        burner.burn{gas: allowance}();
        assertGe(before - gasleft(), allowance - 5_000, "burns all but the reserve");
    }
}
