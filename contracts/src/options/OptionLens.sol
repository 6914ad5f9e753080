// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PositionHealth, Series} from "./IOptionVault.sol";
import {OptionVaultBase} from "./OptionVaultBase.sol";

/// @notice A series with its mark, for a bot's one-call read.
struct SeriesView {
    uint256 seriesId;
    Series series;
    uint256 mark; // loan-asset WAD per option at the latest answer
    int256 delta; // signed WAD per option
}

/// @title OptionLens
/// @notice Batch views of an OptionVault for liquidators, hedgers and harnesses: one eth_call per page
///         instead of one per position.
/// @dev Pages past the end are cut short (an empty array when `offset` >= count). Values are at the latest
///      oracle answer; `fresh` says whether liquidation would accept it.
contract OptionLens {
    OptionVaultBase public immutable vault;

    constructor(OptionVaultBase vault_) {
        vault = vault_;
    }

    /// @notice Positions [offset, offset + limit) in opening order, with collateral, margins, mark value
    ///         and liquidatability; plus the spot and whether the oracle answer is fresh.
    function positionsPage(uint256 offset, uint256 limit)
        external
        view
        returns (PositionHealth[] memory page, uint256 spotPrice, bool fresh, uint256 total)
    {
        total = vault.positionCount();
        uint256 n = _pageLength(offset, limit, total);
        page = new PositionHealth[](n);
        for (uint256 i; i < n; ++i) {
            (address writer, uint256 seriesId) = vault.positionKeyAt(offset + i);
            page[i] = vault.positionHealth(writer, seriesId);
        }
        (spotPrice, fresh) = vault.spot();
    }

    /// @notice Series [offset, offset + limit) with mark and delta.
    function seriesPage(uint256 offset, uint256 limit) external view returns (SeriesView[] memory page, uint256 total) {
        total = vault.seriesCount();
        uint256 n = _pageLength(offset, limit, total);
        page = new SeriesView[](n);
        for (uint256 i; i < n; ++i) {
            uint256 id = offset + i;
            (uint256 mark, int256 delta) = vault.markOf(id);
            page[i] = SeriesView(id, vault.getSeries(id), mark, delta);
        }
    }

    function _pageLength(uint256 offset, uint256 limit, uint256 total) private pure returns (uint256) {
        if (offset >= total) return 0;
        return limit < total - offset ? limit : total - offset;
    }
}
