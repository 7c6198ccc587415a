using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Positions;

public static class PositionsEndpoints
{
    public static RouteGroupBuilder MapPositions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/positions").WithTags("Positions");

        group.MapGet("/", async Task<Ok<ListResponse<PositionView>>> (TenantContext caller, PositionsService positions, string? limit,
                string? starting_after, string? wallet, string? token, CancellationToken ct) =>
                TypedResults.Ok(await positions.ListAsync(caller, PageRequest.Parse(limit, starting_after), wallet, token, ct)))
            .WithName("ListPositions")
            .WithSummary("Every position of this tenant, by token then wallet; filters `wallet` and `token`.")
            .ProducesFloProblems();

        group.MapGet("/{token}", async Task<Ok<PositionView>> (string token, string? wallet, TenantContext caller, PositionsService positions,
                CancellationToken ct) => TypedResults.Ok(await positions.GetAsync(caller, token, wallet, ct)))
            .WithName("GetPosition")
            .WithSummary("One token's position for a wallet (default: the tenant's settlement address), summed over chains.")
            .ProducesFloProblems(FloErrorCatalog.AssetNotFound, FloErrorCatalog.PositionNotFound);

        return group;
    }
}
