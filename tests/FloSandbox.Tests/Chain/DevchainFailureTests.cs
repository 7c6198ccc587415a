using System.Diagnostics;
using System.Net;
using FloSandbox.Core.Chain;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Chain;

public sealed class DevchainFailureTests : IDisposable
{
    private readonly SandboxFactory _app = new();

    [Fact]
    public async Task A_Killed_Anvil_Turns_Readiness_Red_And_Chain_Requests_Into_503s_Without_Hanging()
    {
        var client = _app.NewTenantClient();
        ProblemAssert.IsStatus(await client.GetAsync("/v1/sandbox/tenant"), HttpStatusCode.OK);
        var node = _app.Services.GetRequiredService<DevchainHost>().Cluster["base"].Node!;
        node.Kill();
        await node.Exited.WaitAsync(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        var ready = await _app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = (await ready.JsonAsync()).GetProperty("checks");
        Assert.Equal("unavailable", checks.Str("devchain:base"));
        Assert.Equal("ready", checks.Str("devchain:arbitrum"));

        var faucet = await client.PostJsonAsync("/v1/sandbox/faucet", """{"currency":"USDC","amount":1}""");
        var problem = await ProblemAssert.IsProblemAsync(faucet, "service_unavailable");
        Assert.Contains("base", problem.Str("detail"));
        Assert.Equal("5", faucet.Header("Retry-After"));
        Assert.Equal("1000000.00", (await (await client.GetAsync("/v1/sandbox/tenant")).JsonAsync()).GetProperty("balances").Str("usdc"));

        await ProblemAssert.IsProblemAsync(await client.MintAsync("AAPL", 1), "service_unavailable");
        Assert.Equal(1_000_000m, await client.BalanceAsync());
        var failed = (await (await client.GetAsync("/v1/mints")).JsonAsync()).GetProperty("data")[0];
        Assert.Equal("failed", failed.Str("status"));
        Assert.StartsWith("settlement_unavailable", failed.Str("failure_reason"));

        await ProblemAssert.IsProblemAsync(await _app.CreateClient().PostJsonAsync("/rpc/base", """{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}"""),
            "service_unavailable");
        await ProblemAssert.IsProblemAsync(await _app.NewTenantClient().GetAsync("/v1/sandbox/tenant"), "service_unavailable");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

        Assert.Equal("0xa4b1", (await ChainReads.RpcAsync(_app.CreateClient(), "arbitrum", "eth_chainId")).GetString());
    }

    [Fact]
    public void A_Missing_Anvil_Binary_Fails_Start_Up_With_A_Clear_Message()
    {
        using var broken = new SandboxFactory(new Dictionary<string, string?> { ["Devchain:AnvilPath"] = "/nonexistent/anvil" });
        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("/nonexistent/anvil", messages);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    public void Dispose() => _app.Dispose();
}
