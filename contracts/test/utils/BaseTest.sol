// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Vm} from "./Vm.sol";

/// @notice Minimal test base (forge-std is not usable here): the cheatcode handle, assertions that
///         revert with a readable message, and a forge-style `bound`.
abstract contract BaseTest {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    function _fail(string memory message, uint256 a, uint256 b) private pure {
        revert(string.concat(message, " (left=", _str(a), ", right=", _str(b), ")"));
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) revert(message);
    }

    function assertEq(uint256 a, uint256 b, string memory message) internal pure {
        if (a != b) _fail(message, a, b);
    }

    function assertEq(int256 a, int256 b, string memory message) internal pure {
        if (a != b) revert(string.concat(message, " (int values differ)"));
    }

    function assertEq(address a, address b, string memory message) internal pure {
        if (a != b) revert(string.concat(message, " (addresses differ)"));
    }

    function assertEq(bool a, bool b, string memory message) internal pure {
        if (a != b) revert(string.concat(message, " (bools differ)"));
    }

    function assertLe(uint256 a, uint256 b, string memory message) internal pure {
        if (a > b) _fail(message, a, b);
    }

    function assertGe(uint256 a, uint256 b, string memory message) internal pure {
        if (a < b) _fail(message, a, b);
    }

    function assertLt(uint256 a, uint256 b, string memory message) internal pure {
        if (a >= b) _fail(message, a, b);
    }

    function assertGt(uint256 a, uint256 b, string memory message) internal pure {
        if (a <= b) _fail(message, a, b);
    }

    function assertApproxEqAbs(uint256 a, uint256 b, uint256 maxDelta, string memory message) internal pure {
        uint256 delta = a > b ? a - b : b - a;
        if (delta > maxDelta) _fail(message, a, b);
    }

    /// @dev Maps `x` into [min, max]; values already inside are kept so fuzzer edge cases survive.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min;
        if (size == type(uint256).max) return x;
        return min + (x % (size + 1));
    }

    function _str(uint256 v) internal pure returns (string memory) {
        if (v == 0) return "0";
        uint256 len;
        for (uint256 t = v; t != 0; t /= 10) ++len;
        bytes memory b = new bytes(len);
        for (; v != 0; v /= 10) b[--len] = bytes1(uint8(48 + (v % 10)));
        return string(b);
    }
}
