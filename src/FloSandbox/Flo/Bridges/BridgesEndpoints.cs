using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Bridges;

public static class BridgesEndpoints
{
    public static IEndpointRouteBuilder MapBridges(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/bridge", async Task<Ok<BridgeView>> (BridgeRequest request, HttpContext context, TenantContext caller,
                BridgeService bridges, CancellationToken ct) =>
            {
                var headers = context.Request.Headers;
                var timeout = headers[ErrorInjectionMiddleware.Header].ToString().Trim() == FloErrorCatalog.BridgeDvnTimeout.Code;
                return TypedResults.Ok(await bridges.BridgeAsync(caller, request, RouteFailsAt.Of(context.Request), context.Features.Get<IdempotencyClaim>(), timeout, ct));
            })
            .WithMetadata(new RouteRunsInjectedError(FloErrorCatalog.BridgeDvnTimeout.Code), BridgeFailAt.Documentation)
            .WithTags("Bridges")
            .WithName("Bridge")
            .WithSummary("Moves tokens across chains: burns them on from_chain, and once 3 of 4 DVNs attest mints them to destination on to_chain.")
            .ProducesFloProblems(FloErrorCatalog.AssetNotFound, FloErrorCatalog.BridgeRouteUnsupported, FloErrorCatalog.InsufficientPosition,
                FloErrorCatalog.GuardrailTriggered,
                FloErrorCatalog.BridgeDvnTimeout, FloErrorCatalog.Forbidden, FloErrorCatalog.IdempotencyMismatch);

        var group = routes.MapGroup("/v1/bridges").WithTags("Bridges");
        group.MapGet("/", async Task<Ok<ListResponse<BridgeView>>> (TenantContext caller, BridgeService bridges, string? limit,
                string? starting_after, string? status, CancellationToken ct) =>
                TypedResults.Ok(await bridges.ListAsync(caller, PageRequest.Parse(limit, starting_after), status, ct)))
            .WithName("ListBridges")
            .WithSummary("This tenant's bridges, newest first; filter `status`.")
            .ProducesFloProblems();
        group.MapGet("/{id}", async Task<Ok<BridgeView>> (string id, TenantContext caller, BridgeService bridges, CancellationToken ct) =>
                TypedResults.Ok(await bridges.RetrieveAsync(caller, id, ct)))
            .WithName("RetrieveBridge")
            .WithSummary("One bridge in its current state, with each DVN's attestation.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound);

        var sandbox = routes.MapGroup("/v1/sandbox/dvns").WithTags("Sandbox");
        sandbox.MapGet("/", async Task<Ok<DvnSettingsView>> (TenantContext caller, DvnSettingsService dvns, CancellationToken ct) =>
                TypedResults.Ok(await dvns.GetAsync(caller, ct)))
            .WithName("GetSandboxDvns")
            .WithSummary("How the four DVNs behave for this tenant's bridges (sandbox-only).")
            .ProducesFloProblems();
        sandbox.MapPost("/", async Task<Ok<DvnSettingsView>> (DvnSettingsRequest request, TenantContext caller, DvnSettingsService dvns,
                CancellationToken ct) =>
                TypedResults.Ok(await dvns.SetAsync(caller, request)))
            .WithName("SetSandboxDvns")
            .WithSummary("Withholds or delays DVN attestations for the bridges this tenant accepts afterwards, e.g. to force a quorum timeout (sandbox-only).")
            .ProducesFloProblems(FloErrorCatalog.Forbidden);
        return routes;
    }
}
