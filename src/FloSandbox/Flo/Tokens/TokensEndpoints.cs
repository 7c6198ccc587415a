using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Tokens;

public static class TokensEndpoints
{
    public static RouteGroupBuilder MapTokens(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/tokens").WithTags("Tokens");

        group.MapGet("/", async Task<Ok<ListResponse<TokenSummary>>> (TenantContext caller, TokensService tokens, string? limit,
                string? starting_after, CancellationToken ct) =>
                TypedResults.Ok(await tokens.ListAsync(caller, PageRequest.Parse(limit, starting_after), ct)))
            .WithName("ListTokens")
            .WithSummary("The token universe, cursor-paginated by ticker (limit 1–100, default 10).")
            .ProducesFloProblems();

        group.MapGet("/{ticker}", async Task<Ok<TokenDetail>> (string ticker, TenantContext caller, TokensService tokens, CancellationToken ct) =>
                TypedResults.Ok(await tokens.RetrieveAsync(caller, ticker, ct)))
            .WithName("RetrieveToken")
            .WithSummary("One token: full SPV record, attestation URL, supply, NAV and per-chain distribution.")
            .ProducesFloProblems(FloErrorCatalog.AssetNotFound);

        group.MapPost("/{ticker}/deployments", async Task<Results<Created<TokenDeploymentView>, Ok<TokenDeploymentView>>> (
                string ticker, EnsureDeployedRequest request, TokensService tokens, CancellationToken ct) =>
            {
                var (view, deployedNow) = await tokens.EnsureDeployedAsync(ticker, request, ct);
                return deployedNow ? TypedResults.Created((string?)null, view) : TypedResults.Ok(view);
            })
            .WithName("EnsureTokenDeployed")
            .WithSummary("Deploys the token's ERC-20 on a chain if it is missing (idempotent): 201 when this call deployed it, 200 when it existed.")
            .ProducesFloProblems(FloErrorCatalog.AssetNotFound, FloErrorCatalog.Forbidden, FloErrorCatalog.ServiceUnavailable);

        return group;
    }
}
