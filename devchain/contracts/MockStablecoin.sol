// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Erc20} from "./Erc20.sol";

/// @title Sandbox stand-in for USDC / USDT: 6 decimals, supply controlled by the deployer.
contract MockStablecoin is Erc20 {
    address public immutable operator;

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
        operator = msg.sender;
    }

    modifier onlyOperator() {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        _;
    }

    function mint(address to, uint256 amount) external onlyOperator {
        _mint(to, amount);
    }

    /// @notice Burns without allowance: payouts and redemptions are driven by the sandbox operator.
    function burn(address from, uint256 amount) external onlyOperator {
        _burn(from, amount);
    }
}
