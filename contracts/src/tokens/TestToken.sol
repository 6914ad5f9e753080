// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Errors} from "../libraries/Errors.sol";

/// @title TestToken
/// @notice Plain ERC20 with configurable decimals (18 for a WETH-like collateral, 6 for a USDC-like
///         loan asset) and a mint restricted to the owner and the minters it appoints, so a harness
///         can fund its agents.
contract TestToken is ERC20, Ownable {
    event MinterSet(address indexed minter, bool allowed);

    uint8 private immutable _decimals;
    mapping(address account => bool) public isMinter;

    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals.
    /// @param owner_ Owner, who may mint and appoint minters.
    constructor(string memory name_, string memory symbol_, uint8 decimals_, address owner_)
        ERC20(name_, symbol_)
        Ownable(owner_)
    {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    /// @notice Allows or revokes `minter`. Only the owner.
    function setMinter(address minter, bool allowed) external onlyOwner {
        isMinter[minter] = allowed;
        emit MinterSet(minter, allowed);
    }

    /// @notice Mints `amount` to `to`. Only the owner or a minter.
    function mint(address to, uint256 amount) external {
        if (msg.sender != owner() && !isMinter[msg.sender]) revert Errors.CallerIsNotMinter(msg.sender);
        _mint(to, amount);
    }

    /// @notice Burns `amount` of the caller's tokens.
    function burn(uint256 amount) external {
        _burn(msg.sender, amount);
    }
}
