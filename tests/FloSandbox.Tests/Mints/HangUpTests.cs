using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

/// Clients that hang up mid-mint, over a real socket: before the debit, after it, during the chain call.
/// Whatever the moment, the retry with the same key finds one mint, settled, and the chain holds it once.
public sealed class HangUpTests(KestrelSandboxFactory app) : IClassFixture<KestrelSandboxFactory>
{
    private static readonly int[] DelaysMs = [0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 13, 17, 21, 30, 40, 60];

    [Fact]
    public async Task A_Hang_Up_At_Any_Moment_Leaves_One_Settled_Mint_Per_Key_And_The_Chain_Equal_To_The_Ledger()
    {
        var key = SandboxFactory.NewKey();
        var client = app.ClientFor(key);
        var ticker = TestTickers.Unique();
        await client.PinAsync(ticker, 20m);
        var wallet = MintHelpers.RandomWallet();
        var idempotencyKeys = new List<string>();

        foreach (var (delay, i) in DelaysMs.Select((d, i) => (d, i)))
        {
            var idempotencyKey = $"hang-up-{i}";
            idempotencyKeys.Add(idempotencyKey);
            await HangUp.PostAndCloseAsync(client.BaseAddress!, key, idempotencyKey, "/v1/mint",
                $$$"""{"asset":"{{{ticker}}}","quantity":"1","settlement":{"currency":"USDC","chain":"base","wallet":"{{{wallet}}}"}}""", delay);
        }

        var mintIds = new HashSet<string>();
        foreach (var idempotencyKey in idempotencyKeys)
        {
            var retry = await client.MintAsync(ticker, 1, wallet: wallet, headers: ("Idempotency-Key", idempotencyKey));
            ProblemAssert.IsStatus(retry, HttpStatusCode.OK);
            mintIds.Add((await retry.JsonAsync()).Str("id"));
        }
        Assert.Equal(idempotencyKeys.Count, mintIds.Count);

        var mints = await HangUp.AllSettledAsync(client, "/v1/mints", mintIds.Count);
        Assert.Equal(mintIds.Order(), mints.Select(m => m.Str("id")).Order());
        Assert.Equal(mintIds.Count, await ChainReads.TokenBalanceAsync(client, ticker, "base", wallet));
        var address = (await client.TenantAsync()).Str("settlement_address");
        Assert.Equal(await client.BalanceAsync(), await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }
}
