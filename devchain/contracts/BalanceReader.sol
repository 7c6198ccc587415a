// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

interface IBalanceOf {
    function balanceOf(address owner) external view returns (uint256);
}

/// @title Reads many ERC-20 balances in one eth_call.
/// @dev Never deployed: the sandbox places this runtime code at an unused address through eth_call's
///      state override for the duration of one call, so no chain holds it and no state file changes.
///      Start-up compares every tenant's balances with the ledger this way, a thousand per call,
///      instead of one JSON-RPC round trip per balance.
contract BalanceReader {
    /// @return balances balances[i] = tokens[i].balanceOf(owners[i])
    function balancesOf(address[] calldata tokens, address[] calldata owners) external view returns (uint256[] memory balances) {
        require(tokens.length == owners.length, "length mismatch");
        balances = new uint256[](owners.length);
        for (uint256 i; i < owners.length; ++i) {
            balances[i] = IBalanceOf(tokens[i]).balanceOf(owners[i]);
        }
    }
}
