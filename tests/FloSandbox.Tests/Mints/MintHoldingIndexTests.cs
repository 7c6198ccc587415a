using Dapper;
using FloSandbox.Core.Ledger;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Mints;

/// The currency a position was minted in comes from the latest settled mint into that holding, found through an
/// index rather than a scan of every mint of the tenant.
public sealed class MintHoldingIndexTests
{
    [Fact]
    public async Task The_Latest_Settled_Mint_Into_A_Holding_Is_Found_Through_Its_Index()
    {
        var db = SandboxFactory.Shared.Services.GetRequiredService<LedgerDatabase>();

        var plan = await db.ReadAsync(async ledger => string.Join(" | ", (await ledger.Connection.QueryAsync<(long, long, long, string)>("""
            EXPLAIN QUERY PLAN
            SELECT currency FROM mints WHERE tenant_id = 't' AND asset = 'AAPL' AND lower(wallet) = '0xabc' AND status = 'settled'
            ORDER BY seq DESC LIMIT 1
            """)).Select(r => r.Item4)));

        Assert.Contains("USING INDEX mints_holding", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }
}
