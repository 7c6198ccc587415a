using System.Text.Json;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using Nethereum.Model;
using Nethereum.Signer;

namespace FloSandbox.Flo.Rpc;

/// A signed transaction spends only its signer's funds, so `eth_sendRawTransaction` passes, unless the
/// signer is the operator. The devchains run Anvil's default mnemonic, whose keys are public: anyone can
/// sign as account 0, and the operator alone may mint and burn every token and stablecoin. The guard
/// recovers the signer (and, for EIP-7702, every authority) before anything is forwarded, and refuses what
/// it cannot decode.
public static class RpcRawTransactionGuard
{
    private static readonly EvmAddress[] Protected = [DevchainAccounts.Operator];

    public static RpcReply? Check(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() != 1
            || list[0].ValueKind != JsonValueKind.String || RpcCall.TryGetString(list[0]) is not { } hex)
        {
            return Undecodable("it takes one parameter, the signed transaction as 0x-prefixed hex");
        }
        if (!hex.StartsWith("0x", StringComparison.Ordinal) || hex.Length < 4 || hex.Length % 2 != 0 || !IsHex(hex.AsSpan(2)))
        {
            return Undecodable("the parameter is not 0x-prefixed hex bytes");
        }

        IReadOnlyList<string> signers;
        try
        {
            signers = Signers(TransactionFactory.CreateTransaction(Convert.FromHexString(hex.AsSpan(2))));
        }
        // Nethereum's decoder reports malformed RLP with whatever exception its parsing hits (index, cast,
        // argument, format), so anything it throws means "not a transaction it can read".
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Undecodable("it is not a signed legacy, EIP-2930, EIP-1559 or EIP-7702 transaction");
        }

        foreach (var signer in signers)
        {
            if (EvmAddress.TryParse(signer, null, out var address) && Protected.Contains(address))
            {
                return RpcReply.Error(RpcReply.TransactionRejected,
                    $"Transaction rejected: it is signed with the key of {address}, the sandbox's operator (Anvil's well-known " +
                    "account 0), which alone mints and burns tokens and stablecoins. Sign with a key of your own.");
            }
        }
        return null;
    }

    private static IReadOnlyList<string> Signers(ISignedTransaction transaction)
    {
        var signers = new List<string> { TransactionVerificationAndRecovery.GetSenderAddress(transaction) };
        if (transaction is Transaction7702 { AuthorisationList: { } authorisations })
        {
            signers.AddRange(authorisations.Select(EthECKeyBuilderFromSignedAuthorisation.RecoverSignerAddress));
        }
        return signers;
    }

    private static RpcReply Undecodable(string why) =>
        RpcReply.Error(RpcReply.InvalidParams, $"Invalid params for eth_sendRawTransaction: {why}.");

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
