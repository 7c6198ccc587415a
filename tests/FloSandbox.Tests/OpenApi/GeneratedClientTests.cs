using System.Text.Json;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.OpenApi;

/// A partner generates a C# client from /openapi/v1.json with NSwag; it must compile and work against the
/// sandbox: a mint end to end, and errors surfacing as the generated typed exceptions.
public sealed class GeneratedClientTests
{
    // Typed code against the generated API, compiled with it: what a partner would write.
    private const string Driver = """
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace FloSandbox.GeneratedClient;

        public static class Driver
        {
            private static FloClient Client(HttpClient http) => new(http) { BaseUrl = http.BaseAddress!.ToString() };

            private static MintRequest Aapl(string asset = "AAPL") => new()
            {
                Asset = asset,
                Quantity = "10",
                Settlement = new MintSettlementRequest { Currency = Currency.USDC, Chain = Chain.Base },
            };

            public static async Task<string> MintAsync(HttpClient http)
            {
                var mint = await Client(http).MintAsync(idempotency_Key: null, x_Flo_Clock: null, x_Flo_Error: null, flo_Version: null, x_Flo_Fail_At: null, body: Aapl());
                return Newtonsoft.Json.JsonConvert.SerializeObject(mint);
            }

            public static async Task<string> MintTwiceWithOneKeyAsync(HttpClient http)
            {
                var key = System.Guid.NewGuid().ToString("N");
                var first = await Client(http).MintAsync(key, null, null, "2026-04-21", null, Aapl());
                var retry = await Client(http).MintAsync(key, null, null, "2026-04-21", null, Aapl());
                return $"{first.Id} {retry.Id}";
            }

            public static async Task<string> MintUnknownAssetAsync(HttpClient http)
            {
                try
                {
                    await Client(http).MintAsync(null, null, null, null, null, Aapl("NOPE"));
                    return "no exception";
                }
                catch (ApiException<FloProblem> problem) when (problem.Result is AssetNotFoundProblem notFound)
                {
                    return $"{problem.StatusCode} {notFound.Asset} {notFound.Request_id}";
                }
            }

            public static async Task<string> MintThenRedeemAsync(HttpClient http)
            {
                var mint = await Client(http).MintAsync(null, null, null, null, null, Aapl());
                var redeem = await Client(http).RedeemAsync(null, null, null, null, null, new RedeemRequest
                {
                    Position_id = mint.Id,
                    Quantity = "4",
                    Payout = new RedeemPayoutRequest { Currency = Currency.USDT, Chain = Chain.Arbitrum },
                });
                try
                {
                    await Client(http).RedeemAsync(null, null, null, null, null, new RedeemRequest
                    {
                        Position_id = mint.Id,
                        Quantity = "7",
                        Payout = new RedeemPayoutRequest { Currency = Currency.USDC, Chain = Chain.Base },
                    });
                    return "no exception";
                }
                catch (ApiException<FloProblem> problem) when (problem.Result is InsufficientPositionProblem refused)
                {
                    return $"{redeem.Status} {redeem.Quantity} {redeem.Payout.Chain} {redeem.Payout.Tx_hash?.Length} {problem.StatusCode} {refused.Held_quantity}";
                }
            }

            public static async Task<string> MintWithInjectedErrorAsync(HttpClient http)
            {
                try
                {
                    await Client(http).MintAsync(null, null, ErrorCode.Insufficient_funds, null, null, Aapl());
                    return "no exception";
                }
                catch (ApiException<FloProblem> problem) when (problem.Result is InsufficientFundsProblem funds)
                {
                    return $"{problem.StatusCode} {funds.Shortfall_usdc} {funds.Retryable} {problem.Headers["X-Flo-Error-Injected"].Single()}";
                }
            }
        }
        """;

    private static readonly Lazy<Task<Type>> DriverType = new(async () =>
    {
        var code = await GeneratedClient.GenerateAsync(await OpenApiDocumentSource.FetchAsync());
        return GeneratedClient.Compile(code, Driver).GetType($"{GeneratedClient.Namespace}.Driver", throwOnError: true)!;
    });

    private static async Task<string> RunAsync(string method, HttpClient http) =>
        await (Task<string>)(await DriverType.Value).GetMethod(method)!.Invoke(null, [http])!;

    [Fact]
    public async Task Generated_Client_Mints_Aapl_End_To_End()
    {
        var json = await RunAsync("MintAsync", SandboxFactory.Shared.NewTenantClient());

        var mint = JsonDocument.Parse(json).RootElement;
        Assert.StartsWith("mnt_", mint.Str("id"));
        Assert.Equal("settled", mint.Str("status"));
        Assert.Equal("AAPL", mint.Str("asset"));
        Assert.Equal("10.000000", mint.Str("quantity"));
        Assert.Matches("^0x[0-9a-f]{64}$", mint.Str("tx_hash"));
        Assert.Equal("base", mint.GetProperty("settlement").Str("chain"));
        Assert.Equal("USDC", mint.GetProperty("settlement").Str("currency"));
    }

    [Fact]
    public async Task Generated_Client_Sends_The_Idempotency_Key_Header_So_A_Retry_Replays()
    {
        var outcome = await RunAsync("MintTwiceWithOneKeyAsync", SandboxFactory.Shared.NewTenantClient());

        var ids = outcome.Split(' ');
        Assert.StartsWith("mnt_", ids[0]);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Generated_Client_Throws_The_Typed_Problem_For_An_Unknown_Asset()
    {
        var outcome = await RunAsync("MintUnknownAssetAsync", SandboxFactory.Shared.NewTenantClient());

        Assert.Matches("^404 NOPE req_", outcome);
    }

    [Fact]
    public async Task Generated_Client_Redeems_Part_Of_A_Mint_And_Reads_The_Typed_Refusal_Of_More_Than_Held()
    {
        var outcome = await RunAsync("MintThenRedeemAsync", SandboxFactory.Shared.NewTenantClient());

        Assert.Equal("Settled 4.000000 Arbitrum 66 422 6.000000", outcome);
    }

    [Fact]
    public async Task Generated_Client_Sends_X_Flo_Error_And_Reads_The_Codes_Extension_Fields()
    {
        var outcome = await RunAsync("MintWithInjectedErrorAsync", SandboxFactory.Shared.NewTenantClient());

        Assert.Matches(@"^422 \d+\.\d{2} False insufficient_funds$", outcome);
    }
}
