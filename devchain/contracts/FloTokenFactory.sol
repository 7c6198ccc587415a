// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FloToken} from "./FloToken.sol";

/// @dev What the factory needs of FloToken and MockStablecoin: supply changes it is authorized for.
interface ISupplyControlled {
    function mint(address to, uint256 amount) external;
    function burn(address from, uint256 amount) external;
}

/// @title Deploys one FloToken per ticker at a CREATE2 address that depends only on
///        (factory address, keccak256(ticker)), so a ticker has the same address on every chain.
/// @dev mint and burn settle a whole issuance or redemption in one transaction: the token
///      (deployed on first use), and the stablecoin payment or payout. Any failing part reverts all.
///      Every effect (mint, burn, collect, pay) carries an effect (domain, index), which the factory records
///      in the same transaction and refuses ever after (EffectAlreadyApplied): settling the same order step
///      again, after a crash for instance, can never apply it twice. Effects are bits of a bitmap, 256 to a
///      storage word, so the chain's storage grows by one word per 256 effects of a domain rather than one per
///      effect (a node that rebuilds its storage tries every block slows down as storage grows).
contract FloTokenFactory {
    address public immutable owner;
    mapping(bytes32 => address) private tokens;
    /// @dev Applied effects: bit (index & 255) of doneBits[domain][index >> 8]. Declared after `tokens` so the
    ///      storage of older factories stays readable.
    mapping(bytes32 domain => mapping(uint256 word => uint256 bits)) private doneBits;

    event TokenDeployed(bytes32 indexed salt, address indexed token, string ticker, string name);
    event EffectApplied(bytes32 indexed domain, uint256 indexed index);
    /// @dev Ends call `call` of a batch: the logs of the call come right before it. A call that reverted left no logs
    ///      and carries its revert data here; gasUsed is the call's own gas.
    event BatchCallDone(uint256 indexed call, bool ok, uint256 gasUsed, bytes revertData);

    error NotOwner(address caller);
    error EmptyTicker();
    error TokenAlreadyDeployed(string ticker, address token);
    error TokenNotDeployed(string ticker);
    error EffectAlreadyApplied(bytes32 domain, uint256 index);
    error BatchShapeMismatch(uint256 calls, uint256 gasLimits);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    /// @dev Records the effect (and logs it) before the effect itself: a revert anywhere undoes both.
    modifier once(bytes32 domain, uint256 index) {
        _apply(domain, index);
        _;
    }

    function deploy(string calldata ticker, string calldata name) external onlyOwner returns (address token) {
        bytes32 salt = _salt(ticker);
        address existing = tokens[salt];
        if (existing != address(0)) revert TokenAlreadyDeployed(ticker, existing);
        token = _deploy(salt, ticker, name);
    }

    /// @notice Mints `amount` of the ticker's token to `to`, deploying the token first if the ticker has
    ///         none yet (`deployed`), and burns `payment` of `stablecoin` from `payer` when `payment > 0`.
    function mint(
        bytes32 domain,
        uint256 index,
        string calldata ticker,
        string calldata name,
        address to,
        uint256 amount,
        address stablecoin,
        address payer,
        uint256 payment
    ) external onlyOwner once(domain, index) returns (address token, bool deployed) {
        (token, deployed) = _tokenOrDeploy(ticker, name);
        ISupplyControlled(token).mint(to, amount);
        if (payment > 0) ISupplyControlled(stablecoin).burn(payer, payment);
    }

    /// @notice Burns `amount` of the ticker's token from `from` and mints `payout` of `stablecoin` to
    ///         `payee` when `payout > 0`. Reverts with TokenNotDeployed when the ticker has no token.
    function burn(
        bytes32 domain,
        uint256 index,
        string calldata ticker,
        address from,
        uint256 amount,
        address stablecoin,
        address payee,
        uint256 payout
    ) external onlyOwner once(domain, index) returns (address token) {
        token = tokens[keccak256(bytes(ticker))];
        if (token == address(0)) revert TokenNotDeployed(ticker);
        ISupplyControlled(token).burn(from, amount);
        if (payout > 0) ISupplyControlled(stablecoin).mint(payee, payout);
    }

    /// @notice Burns `amount` of `stablecoin` from `from`: a payment collected without a token involved.
    function collect(bytes32 domain, uint256 index, address stablecoin, address from, uint256 amount) external onlyOwner once(domain, index) {
        ISupplyControlled(stablecoin).burn(from, amount);
    }

    /// @notice Mints `amount` of `stablecoin` to `to`: a payout or a refund.
    function pay(bytes32 domain, uint256 index, address stablecoin, address to, uint256 amount) external onlyOwner once(domain, index) {
        ISupplyControlled(stablecoin).mint(to, amount);
    }

    /// @notice Runs several calls of this factory's own functions in one transaction, each on its own: a call that reverts
    ///         is undone alone (its effect stays unapplied) and the others stand. Each call gets at most its gas limit.
    ///         Effects that are due together (concurrent orders) share one transaction this way instead of queueing one
    ///         transaction each behind the operator's nonce.
    function batch(bytes[] calldata calls, uint256[] calldata gasLimits) external onlyOwner {
        if (calls.length != gasLimits.length) revert BatchShapeMismatch(calls.length, gasLimits.length);
        for (uint256 i; i < calls.length; ++i) {
            uint256 before = gasleft();
            (bool ok, bytes memory returned) = address(this).delegatecall{gas: gasLimits[i]}(calls[i]);
            emit BatchCallDone(i, ok, before - gasleft(), ok ? bytes("") : returned);
        }
    }

    /// @return applied whether the effect (domain, index) was applied
    function done(bytes32 domain, uint256 index) public view returns (bool applied) {
        applied = doneBits[domain][index >> 8] & (1 << (index & 255)) != 0;
    }

    /// @return applied applied[i] = done(domain, indexes[i]), for recovery in bulk
    function doneMany(bytes32 domain, uint256[] calldata indexes) external view returns (bool[] memory applied) {
        applied = new bool[](indexes.length);
        for (uint256 i; i < indexes.length; ++i) {
            applied[i] = done(domain, indexes[i]);
        }
    }

    function predict(string calldata ticker) external view returns (address) {
        bytes32 salt = keccak256(bytes(ticker));
        bytes32 initCodeHash = keccak256(type(FloToken).creationCode);
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, initCodeHash)))));
    }

    function tokenOf(string calldata ticker) external view returns (address) {
        return tokens[keccak256(bytes(ticker))];
    }

    /// @dev A function rather than the modifier's body: mint's parameters leave no stack slots for its locals.
    function _apply(bytes32 domain, uint256 index) private {
        mapping(uint256 => uint256) storage words = doneBits[domain];
        uint256 word = index >> 8;
        uint256 bit = 1 << (index & 255);
        uint256 bits = words[word];
        if (bits & bit != 0) revert EffectAlreadyApplied(domain, index);
        words[word] = bits | bit;
        emit EffectApplied(domain, index);
    }

    function _salt(string calldata ticker) private pure returns (bytes32) {
        if (bytes(ticker).length == 0) revert EmptyTicker();
        return keccak256(bytes(ticker));
    }

    function _tokenOrDeploy(string calldata ticker, string calldata name) private returns (address token, bool deployed) {
        bytes32 salt = _salt(ticker);
        token = tokens[salt];
        if (token == address(0)) {
            token = _deploy(salt, ticker, name);
            deployed = true;
        }
    }

    function _deploy(bytes32 salt, string calldata ticker, string calldata name) private returns (address token) {
        token = address(new FloToken{salt: salt}());
        tokens[salt] = token;
        FloToken(token).initialize(name, ticker);
        emit TokenDeployed(salt, token, ticker, name);
    }
}
