using System.Globalization;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

public sealed class RestartPersistenceTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-restart-" + Guid.NewGuid().ToString("N"));

    private SandboxFactory Start() => new(new Dictionary<string, string?>
    {
        ["Ledger:InMemory"] = "false",
        ["DataDir"] = _dataDir,
    });

    [Fact]
    public async Task Balances_Clock_Keys_And_Idempotency_Survive_A_Restart()
    {
        var key = SandboxFactory.NewKey();
        string tenantId, readKey, firstFaucet;
        using (var first = Start())
        {
            var client = first.ClientFor(key);
            tenantId = (await (await client.GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+3d"))).JsonAsync()).Str("id");
            firstFaucet = await (await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":42}""", ("Idempotency-Key", "once"))).Content.ReadAsStringAsync();
            readKey = (await (await client.PostJsonAsync("/v1/sandbox/keys", """{"scope":"read"}""")).JsonAsync()).Str("key");
        }
        Assert.True(File.Exists(Path.Combine(_dataDir, "ledger.db")));

        using var second = Start();
        var again = second.ClientFor(key);
        var response = await again.GetAsync("/v1/sandbox/tenant");
        var tenant = await response.JsonAsync();
        Assert.Equal(tenantId, tenant.Str("id"));
        Assert.Equal("42.00", tenant.GetProperty("balances").Str("usdt"));
        var now = DateTimeOffset.Parse(response.Header("X-Flo-Clock-Now"), CultureInfo.InvariantCulture);
        Assert.InRange((now - DateTimeOffset.UtcNow).TotalHours, 71.9, 72.1);

        var replay = await again.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDT","amount":42}""", ("Idempotency-Key", "once"));
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(firstFaucet, await replay.Content.ReadAsStringAsync());

        var reader = await second.ClientFor(readKey).GetAsync("/v1/sandbox/tenant");
        Assert.Equal(tenantId, (await reader.JsonAsync()).Str("id"));
    }

    [Fact]
    public async Task The_Ledger_File_Uses_Write_Ahead_Logging()
    {
        using var app = Start();
        await app.NewTenantClient().GetAsync("/v1/sandbox/tenant");
        Assert.True(File.Exists(Path.Combine(_dataDir, "ledger.db-wal")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
