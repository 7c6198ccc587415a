using System.Numerics;
using FloSandbox.Devchain.Contracts;
using FloSandbox.Devchain.Encoding;
using FloSandbox.Devchain.Tests.Infrastructure;

namespace FloSandbox.Devchain.Tests.Chain;

[Collection(DevchainCollection.Name)]
public sealed class BalanceReaderTests(DevchainFixture fixture)
{
    [Fact]
    public async Task Reads_Each_Token_And_Owner_Pair_In_Order_Across_Batches_Without_Deploying_Anything()
    {
        var (_, token) = await fixture.DeployTokenEverywhereAsync();
        var owners = Enumerable.Range(0, BalanceReader.BatchSize + 7)
            .Select(_ => SettlementAddress.ForApiKey("sk_test_" + Guid.NewGuid().ToString("N"))).ToArray();
        await fixture.Base.Token(token).MintAsync(owners[3], 42);
        await fixture.Base.Usdt.MintAsync(owners[^1], 7);
        var nonce = await fixture.Base.Rpc.GetNonceAsync(DevchainAccounts.Operator);
        var holdings = owners.Select((owner, i) => (i % 2 == 0 ? fixture.Base.Usdt.Address : token, owner)).ToList();

        var balances = await BalanceReader.BalancesOfAsync(fixture.Base.Rpc, holdings);

        var expected = owners.Select((_, i) => i == 3 ? new BigInteger(42) : i == owners.Length - 1 ? new BigInteger(7) : BigInteger.Zero);
        Assert.Equal(expected, balances);
        Assert.Empty(await fixture.Base.Rpc.GetCodeAsync(BalanceReader.Address));
        Assert.Equal(nonce, await fixture.Base.Rpc.GetNonceAsync(DevchainAccounts.Operator));
    }
}
