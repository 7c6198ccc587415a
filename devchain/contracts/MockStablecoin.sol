// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Erc20} from "./Erc20.sol";

/// @title Sandbox stand-in for USDC / USDT: 6 decimals, supply controlled by the deployer and the token factory.
/// @dev The factory is a constructor argument: the deployer knows its address (operator nonce 0) before
///      deploying the stablecoins at nonces 1 and 2, so the stablecoin addresses stay the same on every chain.
contract MockStablecoin is Erc20 {
    address public immutable operator;
    address public immutable factory;

    constructor(string memory name_, string memory symbol_, address factory_) {
        name = name_;
        symbol = symbol_;
        operator = msg.sender;
        factory = factory_;
    }

    /// @dev FloTokenFactory may mint and burn too, so a paid mint or a redeem is one transaction.
    modifier onlyOperator() {
        if (msg.sender != operator && msg.sender != factory) revert NotOperator(msg.sender);
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
