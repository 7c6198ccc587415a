using System.Net;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Redeems;

/// Clients that hang up mid-redeem, over a real socket: before the acceptance, after it, during the burn or
/// the payout. Whatever the moment, the retry with the same key finds one redeem, settled, and the chain
/// burned its tokens and paid its proceeds once.
public sealed class RedeemHangUpTests(KestrelSandboxFactory app) : IClassFixture<KestrelSandboxFactory>
{
    private static readonly int[] DelaysMs = [0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 13, 17, 21, 30, 40, 60];

    [Fact]
    public async Task A_Hang_Up_At_Any_Moment_Leaves_One_Settled_Redeem_Per_Key_And_The_Chain_Equal_To_The_Ledger()
    {
        var key = SandboxFactory.NewKey();
        var client = app.ClientFor(key);
        var mint = await client.SettledMintAsync(DelaysMs.Length, price: 20m);
        var idempotencyKeys = new List<string>();

        foreach (var (delay, i) in DelaysMs.Select((d, i) => (d, i)))
        {
            var idempotencyKey = $"hang-up-{i}";
            idempotencyKeys.Add(idempotencyKey);
            await HangUp.PostAndCloseAsync(client.BaseAddress!, key, idempotencyKey, "/v1/redeem",
                $$$"""{"position_id":"{{{mint.Str("id")}}}","quantity":"1","payout":{"currency":"USDC","chain":"base"}}""", delay);
        }

        var redeemIds = new HashSet<string>();
        foreach (var idempotencyKey in idempotencyKeys)
        {
            var retry = await client.RedeemAsync(mint.Str("id"), 1m, headers: ("Idempotency-Key", idempotencyKey));
            ProblemAssert.IsStatus(retry, HttpStatusCode.OK);
            redeemIds.Add((await retry.JsonAsync()).Str("id"));
        }
        Assert.Equal(idempotencyKeys.Count, redeemIds.Count);

        var redeems = await HangUp.AllSettledAsync(client, "/v1/redeems", redeemIds.Count);
        Assert.Equal(redeemIds.Order(), redeems.Select(r => r.Str("id")).Order());
        var address = (await client.TenantAsync()).Str("settlement_address");
        Assert.Equal(0m, await ChainReads.BalanceOfAsync(client, "base", mint.GetProperty("contract").Str("address"), address));
        Assert.Equal(0m, await client.HeldAsync(mint.Str("asset")));
        var proceeds = redeems.Sum(r => r.Dec("proceeds_usdc"));
        Assert.Equal(1_000_000m - mint.Dec("total_usdc") + proceeds, await client.BalanceAsync());
        Assert.Equal(await client.BalanceAsync(), await ChainReads.BalanceOfAsync(client, "base", ChainReads.Usdc, address));
    }
}
