using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Contracts;

/// <summary>
/// The fixed accounts and contract addresses of every devchain. Anvil's default mnemonic gives the
/// same unlocked accounts everywhere; the operator (account 0) deploys the factory, USDC and USDT
/// at nonces 0, 1 and 2, so those addresses are identical on all chains and across restarts.
/// </summary>
public static class DevchainAccounts
{
    /// <summary>Anvil account 0: deploys the contracts and is the only account allowed to mint and burn (directly, or through the factory it owns).</summary>
    public static EvmAddress Operator { get; } = EvmAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    /// <summary>Anvil's ten default unlocked accounts; index 0 is <see cref="Operator"/>.</summary>
    public static IReadOnlyList<EvmAddress> Unlocked { get; } = new[]
    {
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
        "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
        "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
        "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f", "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
    }.Select(EvmAddress.Parse).ToArray();

    /// <summary>FloTokenFactory: the operator's CREATE at nonce 0.</summary>
    public static EvmAddress Factory { get; } = ContractAddress.ForCreate(Operator, 0);

    /// <summary>Mock USDC (6 decimals): the operator's CREATE at nonce 1.</summary>
    public static EvmAddress Usdc { get; } = ContractAddress.ForCreate(Operator, 1);

    /// <summary>Mock USDT (6 decimals): the operator's CREATE at nonce 2.</summary>
    public static EvmAddress Usdt { get; } = ContractAddress.ForCreate(Operator, 2);
}
