using FloSandbox.Devchain.Encoding;
using Nethereum.RPC.Eth.DTOs;

namespace FloSandbox.Devchain.Contracts;

/// <summary>The outcome of <see cref="FloTokenFactoryContract.MintAsync"/>: one transaction that deployed the token if needed, minted it and burned the payment.</summary>
/// <param name="Ticker">The ticker minted.</param>
/// <param name="Token">The ticker's token (its CREATE2 address).</param>
/// <param name="Deployed">True when this transaction deployed the token (it emitted <c>TokenDeployed</c>).</param>
/// <param name="Receipt">The transaction's receipt.</param>
public sealed record TokenMint(string Ticker, EvmAddress Token, bool Deployed, TransactionReceipt Receipt)
{
    /// <summary>The transaction hash.</summary>
    public string TransactionHash => Receipt.TransactionHash;

    /// <summary>Gas used by the whole transaction (deployment included).</summary>
    public ulong GasUsed => (ulong)Receipt.GasUsed.Value;

    /// <summary>Block the mint is in.</summary>
    public ulong BlockNumber => (ulong)Receipt.BlockNumber.Value;

    /// <summary>
    /// The gas the token deployment added: <see cref="GasUsed"/> minus <see cref="FloTokenFactoryContract.TypicalPlainMintGas"/>
    /// when <see cref="Deployed"/>, otherwise 0. An estimate: a plain mint's exact cost varies by a few thousand gas
    /// with the recipient's and payer's storage state, and by 17,100 when the effect starts a new storage word.
    /// </summary>
    public ulong DeployGasPremium => Deployed ? GasUsed - Math.Min(GasUsed, FloTokenFactoryContract.TypicalPlainMintGas) : 0;
}

/// <summary>The outcome of <see cref="FloTokenFactoryContract.BurnAsync"/>: one transaction that burned the tokens and minted the payout.</summary>
/// <param name="Ticker">The ticker burned.</param>
/// <param name="Token">The ticker's token.</param>
/// <param name="Receipt">The transaction's receipt.</param>
public sealed record TokenBurn(string Ticker, EvmAddress Token, TransactionReceipt Receipt)
{
    /// <summary>The transaction hash.</summary>
    public string TransactionHash => Receipt.TransactionHash;

    /// <summary>Gas used by the transaction.</summary>
    public ulong GasUsed => (ulong)Receipt.GasUsed.Value;

    /// <summary>Block the burn is in.</summary>
    public ulong BlockNumber => (ulong)Receipt.BlockNumber.Value;
}
