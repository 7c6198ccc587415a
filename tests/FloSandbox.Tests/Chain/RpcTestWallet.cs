using System.Globalization;
using System.Numerics;
using System.Text.Json;
using FloSandbox.Core.Chain;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Model;
using Nethereum.Signer;

namespace FloSandbox.Tests.Chain;

/// A key held by the test, as a partner holds its own: it signs transactions locally and sends them
/// through `/rpc`. Funding it with ETH is set-up, done straight on the node (the sandbox's `/rpc`
/// rightly refuses `anvil_setBalance`).
public sealed class RpcTestWallet(EthECKey key)
{
    /// Anvil's well-known account 0, published in every Foundry tutorial: the sandbox's operator.
    public const string OperatorKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public const string Operator = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    public static RpcTestWallet New() => new(EthECKey.GenerateKey());

    public static RpcTestWallet OperatorsWellKnownKey() => new(new EthECKey(OperatorKey[2..]));

    public string Address { get; } = key.GetPublicAddress();

    public static string NewAddress() => EthECKey.GenerateKey().GetPublicAddress();

    public static async Task FundAsync(SandboxFactory app, string chain, string address, BigInteger wei) =>
        await app.Services.GetRequiredService<DevchainHost>().LiveNetwork(chain).Rpc.SendRequestAsync<object>("anvil_setBalance", null, address, Quantity(wei));

    /// An EIP-1559 transaction, signed here, with nonce and fees read through `/rpc` like a wallet does.
    public async Task<string> SignAsync(HttpClient client, string chain, string to, BigInteger value, string data = "0x")
    {
        var chainId = ParseQuantity((await ChainReads.RpcAsync(client, chain, "eth_chainId")).GetString()!);
        var nonce = ParseQuantity((await ChainReads.RpcAsync(client, chain, "eth_getTransactionCount", Address, "pending")).GetString()!);
        var gasPrice = ParseQuantity((await ChainReads.RpcAsync(client, chain, "eth_gasPrice")).GetString()!);
        var transaction = new Transaction1559(chainId, nonce, maxPriorityFeePerGas: 1, maxFeePerGas: gasPrice * 2 + 1, gasLimit: 200_000,
            receiverAddress: to, amount: value, data: data, accessList: []);
        new Transaction1559Signer().SignTransaction(key.GetPrivateKeyAsBytes(), transaction);
        return "0x" + Convert.ToHexStringLower(transaction.GetRLPEncoded());
    }

    /// Polls `eth_getTransactionReceipt` through `/rpc` as a wallet does: Anvil answers
    /// `eth_sendRawTransaction` once the transaction is in its pool and mines it right after.
    public static async Task<JsonElement> ReceiptAsync(HttpClient client, string chain, string hash)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var receipt = await ChainReads.RpcAsync(client, chain, "eth_getTransactionReceipt", hash);
            if (receipt.ValueKind == JsonValueKind.Object)
            {
                return receipt;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
        throw new Xunit.Sdk.XunitException($"No receipt for {hash}.");
    }

    /// `mint(address,uint256)` calldata for MockStablecoin, 6 decimals.
    public static string MintCall(string to, decimal usdc) => "0x40c10f19" + Word(to) + Word(Units(usdc));

    /// `transfer(address,uint256)` calldata for an ERC-20, 6 decimals.
    public static string TransferCall(string to, decimal usdc) => "0xa9059cbb" + Word(to) + Word(Units(usdc));

    public static string Quantity(BigInteger value) => "0x" + (value.IsZero ? "0" : value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));

    public static BigInteger ParseQuantity(string hex) => BigInteger.Parse("0" + hex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static BigInteger Units(decimal usdc) => new(usdc * 1_000_000m);

    private static string Word(string address) => address[2..].ToLowerInvariant().PadLeft(64, '0');

    private static string Word(BigInteger value) => value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(64, '0');
}
