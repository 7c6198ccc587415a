// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title Test-only contract: lets the C# ABI layer be checked against encodings made by solc/the EVM.
/// @dev The echo* functions decode our calldata and re-encode it with abi.encode, so a wrong
///      encoder shows up as a revert or as bytes that differ from our own encoding. The fixed*
///      functions encode constants chosen here, which gives vectors independent of our encoder.
contract AbiProbe {
    event Probed(address indexed sender, uint256 indexed id, string label, uint256[] values);

    function echoStatic(uint256 a, uint8 b, int256 c, address d, bool e, bytes32 f)
        external pure returns (bytes memory)
    {
        return abi.encode(a, b, c, d, e, f);
    }

    function echoSmall(uint64 a, int8 b, int64 c, uint128 d) external pure returns (bytes memory) {
        return abi.encode(a, b, c, d);
    }

    function echoDynamic(bytes calldata a, string calldata b, uint256 c)
        external pure returns (bytes memory)
    {
        return abi.encode(a, b, c);
    }

    function echoArrays(
        uint256[] calldata a,
        int256[] calldata b,
        address[] calldata c,
        bool[] calldata d,
        bytes32[] calldata e
    ) external pure returns (bytes memory) {
        return abi.encode(a, b, c, d, e);
    }

    function echoDynamicArrays(string[] calldata a, bytes[] calldata b, uint8[] calldata c)
        external pure returns (bytes memory)
    {
        return abi.encode(a, b, c);
    }

    function fixedVector() external pure returns (bytes memory) {
        uint256[] memory numbers = new uint256[](3);
        numbers[0] = 1;
        numbers[1] = 2;
        numbers[2] = type(uint256).max;
        string[] memory words = new string[](2);
        words[0] = "flo";
        words[1] = "";
        return abi.encode(
            uint256(1_000_000),
            int256(-42),
            address(0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266),
            true,
            keccak256("flo"),
            "hello, world",
            hex"deadbeef",
            numbers,
            words
        );
    }

    function fixedValues()
        external pure
        returns (uint256, int256, address, bool, bytes32, string memory, bytes memory, int256[] memory)
    {
        int256[] memory signed = new int256[](2);
        signed[0] = type(int256).min;
        signed[1] = 7;
        return (
            type(uint256).max,
            -1,
            address(0x70997970C51812dc3A010C7d01b50e0d17dc79C8),
            false,
            bytes32(uint256(0xabcdef)),
            unicode"naïve ✓",
            "",
            signed
        );
    }

    function emitProbe(uint256 id, string calldata label, uint256[] calldata values) external {
        emit Probed(msg.sender, id, label, values);
    }
}
