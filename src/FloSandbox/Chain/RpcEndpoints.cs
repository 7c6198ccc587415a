using System.Text.Json;
using System.Text.Json.Nodes;
using FloSandbox.Devchain;
using FloSandbox.Platform.Errors;
using FloSandbox.Platform.Pipeline;

namespace FloSandbox.Chain;

/// `POST /rpc/{chain}`: JSON-RPC (single or batch) forwarded to that chain's node, so ethers, viem or
/// cast can read balances through the sandbox's own port. No key needed. Refused methods get a
/// JSON-RPC error (-32601) in place; the rest of a batch is still answered.
public static class RpcEndpoints
{
    public const int MethodRefused = -32601;

    public static RouteGroupBuilder MapRpc(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/rpc").WithTags("Devchain");
        group.MapPost("/{chain}", async Task<IResult> (string chain, HttpContext context, DevchainHost host, CancellationToken ct) =>
            {
                if (!DevchainChain.TryGet(chain, out _))
                {
                    throw FloError.Of(FloErrorCatalog.ResourceNotFound,
                        $"No devchain named '{chain}'. Chains: {string.Join(", ", DevchainChain.All.Select(c => c.Name))}.",
                        ("resource", "chain"), ("id", chain)).ToException();
                }
                var body = context.Features.Get<RequestBody>()?.Bytes ?? [];
                var response = await ForwardAsync(host.LiveNetwork(chain), body, ct);
                return TypedResults.Bytes(response, "application/json");
            })
            .WithName("DevchainRpc")
            .WithSummary("Forwards JSON-RPC to a devchain (base, arbitrum, ethereum); node-admin and unlocked-account methods are refused.")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>(StatusCodes.Status200OK)
            .ProducesPublicFloProblems(FloErrorCatalog.ResourceNotFound, FloErrorCatalog.ServiceUnavailable);
        return group;
    }

    private static async Task<byte[]> ForwardAsync(DevchainNetwork network, byte[] body, CancellationToken ct)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw FloException.Invalid("body", $"The request body is not JSON-RPC: {ex.Message.Split(" Path:")[0]}");
        }

        var calls = root switch
        {
            JsonObject single => [single],
            JsonArray batch when batch.Count > 0 && batch.All(n => n is JsonObject) => batch.Cast<JsonObject>().ToList(),
            _ => throw FloException.Invalid("body", "The request body must be a JSON-RPC request object or a non-empty array of them."),
        };
        var refused = calls.Where(c => c["method"]?.GetValueKind() != JsonValueKind.String || RpcMethodPolicy.IsRefused((string)c["method"]!)).ToHashSet();
        if (refused.Count == 0)
        {
            return await network.Rpc.SendRawAsync(body, ct);
        }

        var allowed = calls.Where(c => !refused.Contains(c)).ToList();
        var answers = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (allowed.Count > 0)
        {
            var forwarded = await network.Rpc.SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(new JsonArray([.. allowed.Select(c => c.DeepClone())])), ct);
            foreach (var answer in JsonNode.Parse(forwarded)!.AsArray())
            {
                answers[answer?["id"]?.ToJsonString() ?? "null"] = answer;
            }
        }

        var results = calls.Select(call => refused.Contains(call)
            ? RefusedAnswer(call)
            : answers.GetValueOrDefault(call["id"]?.ToJsonString() ?? "null")?.DeepClone()).ToList();
        JsonNode output = root is JsonObject ? results[0]! : new JsonArray([.. results]);
        return JsonSerializer.SerializeToUtf8Bytes(output);
    }

    private static JsonObject RefusedAnswer(JsonObject call)
    {
        var method = call["method"]?.GetValueKind() == JsonValueKind.String ? (string)call["method"]! : "(missing)";
        return new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = call["id"]?.DeepClone(),
            ["error"] = new JsonObject
            {
                ["code"] = MethodRefused,
                ["message"] = $"Method '{method}' is refused by FloSandbox: node administration and unlocked-account signing would corrupt the sandbox's chain state.",
            },
        };
    }
}
