// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Erc20} from "./Erc20.sol";

interface IFloTokenFactoryOwner {
    function owner() external view returns (address);
}

/// @title Tokenized security deployed by FloTokenFactory with CREATE2.
/// @dev The constructor takes no arguments so the init code, and with it the CREATE2 address,
///      depends only on the factory and the ticker salt. Name and symbol arrive through
///      initialize(), which only the deploying factory can call, once, in the deploy transaction.
contract FloToken is Erc20 {
    address public immutable factory;
    address public immutable operator;
    bool private initialized;

    error AlreadyInitialized();
    error NotFactory(address caller);

    constructor() {
        factory = msg.sender;
        operator = IFloTokenFactoryOwner(msg.sender).owner();
    }

    /// @dev The factory may mint and burn too, so a factory mint (deploy + mint + payment) is one transaction.
    modifier onlyOperator() {
        if (msg.sender != operator && msg.sender != factory) revert NotOperator(msg.sender);
        _;
    }

    function initialize(string calldata name_, string calldata symbol_) external {
        if (msg.sender != factory) revert NotFactory(msg.sender);
        if (initialized) revert AlreadyInitialized();
        initialized = true;
        name = name_;
        symbol = symbol_;
    }

    /// @notice One transaction per mint, from the operator account or through FloTokenFactory.mint.
    function mint(address to, uint256 amount) external onlyOperator {
        _mint(to, amount);
    }

    /// @notice Burns without allowance: redemptions and bridge-outs are driven by the operator (directly or through the factory).
    function burn(address from, uint256 amount) external onlyOperator {
        _burn(from, amount);
    }
}
