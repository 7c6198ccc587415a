using System.Text.Json;
using FloSandbox.Core.Chain;
using FloSandbox.Devchain;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pipeline;

namespace FloSandbox.Flo.Rpc;

/// `POST /rpc/{chain}`: JSON-RPC (single or batch) for a devchain, so ethers, viem or cast can read the
/// chain and send their own signed transactions through the sandbox's port. No key needed. Only methods
/// on <see cref="RpcAllowList"/> reach the node; the rest get a JSON-RPC error in place, and every
/// request of a batch gets its own answer with its own id.
public static class RpcEndpoints
{
    public static RouteGroupBuilder MapRpc(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/rpc").WithTags("Devchain");
        group.MapPost("/{chain}", async Task<IResult> (string chain, HttpContext context, DevchainHost host, RpcForwarder forwarder, CancellationToken ct) =>
            {
                if (!DevchainChain.TryGet(chain, out _))
                {
                    throw FloError.Of(FloErrorCatalog.ResourceNotFound,
                        $"No devchain named '{chain}'. Chains: {string.Join(", ", DevchainChain.All.Select(c => c.Name))}.",
                        ("resource", "chain"), ("id", chain)).ToException();
                }

                using var body = RpcBody.Parse(context.Features.Get<RequestBody>() ?? new RequestBody([], IsJson: false));
                var plan = RpcPlan.For(body);
                if (plan.ForwardAsSent)
                {
                    await forwarder.ForwardAsync(context, host.LiveNetwork(chain).RpcUrl);
                    return TypedResults.Empty;
                }

                using var nodeAnswer = plan.Forwarded.Count > 0
                    ? await forwarder.ExchangeAsync(context, host.LiveNetwork(chain).RpcUrl, plan.RewrittenBody())
                    : null;
                return RpcAnswers.Write(plan, nodeAnswer) is { } answer
                    ? TypedResults.Bytes(answer, "application/json")
                    : TypedResults.NoContent();
            })
            .WithName("DevchainRpc")
            .WithSummary("JSON-RPC for a devchain (base, arbitrum, ethereum): chain reads and eth_sendRawTransaction; every other method gets a JSON-RPC error.")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesPublicFloProblems(FloErrorCatalog.ResourceNotFound, FloErrorCatalog.ServiceUnavailable);
        return group;
    }
}
