// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FloToken} from "./FloToken.sol";

/// @title Deploys one FloToken per ticker at a CREATE2 address that depends only on
///        (factory address, keccak256(ticker)), so a ticker has the same address on every chain.
contract FloTokenFactory {
    address public immutable owner;
    mapping(bytes32 => address) private tokens;

    event TokenDeployed(bytes32 indexed salt, address indexed token, string ticker, string name);

    error NotOwner(address caller);
    error EmptyTicker();
    error TokenAlreadyDeployed(string ticker, address token);

    constructor() {
        owner = msg.sender;
    }

    function deploy(string calldata ticker, string calldata name) external returns (address token) {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (bytes(ticker).length == 0) revert EmptyTicker();
        bytes32 salt = keccak256(bytes(ticker));
        address existing = tokens[salt];
        if (existing != address(0)) revert TokenAlreadyDeployed(ticker, existing);
        token = address(new FloToken{salt: salt}());
        tokens[salt] = token;
        FloToken(token).initialize(name, ticker);
        emit TokenDeployed(salt, token, ticker, name);
    }

    function predict(string calldata ticker) external view returns (address) {
        bytes32 salt = keccak256(bytes(ticker));
        bytes32 initCodeHash = keccak256(type(FloToken).creationCode);
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, initCodeHash)))));
    }

    function tokenOf(string calldata ticker) external view returns (address) {
        return tokens[keccak256(bytes(ticker))];
    }
}
