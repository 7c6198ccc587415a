using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Mints;

public static class MintsEndpoints
{
    public static IEndpointRouteBuilder MapMints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/mint", async Task<Ok<MintView>> (MintRequest request, HttpContext context, TenantContext caller, MintService mints,
                CancellationToken ct) =>
            {
                return TypedResults.Ok(await mints.MintAsync(caller, request, RouteFailsAt.Of(context.Request), context.Features.Get<IdempotencyClaim>(), ct));
            })
            .WithTags("Mints")
            .WithName("Mint")
            .WithMetadata(MintService.FailsAt)
            .WithSummary("Tokenizes an asset 1:1 and delivers the ERC-20 to the settlement wallet: settled inline in session, queued outside it.")
            .ProducesFloProblems(FloErrorCatalog.AssetNotFound, FloErrorCatalog.MarketClosedNonFractional, FloErrorCatalog.InsufficientFunds,
                FloErrorCatalog.GuardrailTriggered, FloErrorCatalog.Forbidden, FloErrorCatalog.ServiceUnavailable, FloErrorCatalog.IdempotencyMismatch);

        var group = routes.MapGroup("/v1/mints").WithTags("Mints");
        group.MapGet("/", async Task<Ok<ListResponse<MintView>>> (TenantContext caller, MintService mints, string? limit, string? starting_after,
                string? status, CancellationToken ct) =>
                TypedResults.Ok(await mints.ListAsync(caller, PageRequest.Parse(limit, starting_after), status, ct)))
            .WithName("ListMints")
            .WithSummary("This tenant's mints, newest first; filter `status`.")
            .ProducesFloProblems();
        group.MapGet("/{id}", async Task<Ok<MintView>> (string id, TenantContext caller, MintService mints, CancellationToken ct) =>
                TypedResults.Ok(await mints.RetrieveAsync(caller, id, ct)))
            .WithName("RetrieveMint")
            .WithSummary("One mint in its current state.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound);
        return routes;
    }
}
