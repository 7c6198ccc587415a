using FloSandbox.Core.Idempotency;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.ErrorInjection;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Redeems;

public static class RedeemsEndpoints
{
    public static IEndpointRouteBuilder MapRedeems(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/redeem", async Task<Ok<RedeemView>> (RedeemRequest request, HttpContext context, TenantContext caller, RedeemService redeems,
                CancellationToken ct) =>
            {
                return TypedResults.Ok(await redeems.RedeemAsync(caller, request, RouteFailsAt.Of(context.Request), context.Features.Get<IdempotencyClaim>(), ct));
            })
            .WithTags("Redeems")
            .WithName("Redeem")
            .WithMetadata(RedeemService.FailsAt)
            .WithSummary("Burns tokens of a position and pays the proceeds (NAV × quantity at the fill, less fees) in stablecoins to the payout wallet.")
            .ProducesFloProblems(FloErrorCatalog.PositionNotFound, FloErrorCatalog.InsufficientPosition, FloErrorCatalog.GuardrailTriggered,
                FloErrorCatalog.MarketClosedNonFractional, FloErrorCatalog.Forbidden, FloErrorCatalog.ServiceUnavailable, FloErrorCatalog.IdempotencyMismatch);

        var group = routes.MapGroup("/v1/redeems").WithTags("Redeems");
        group.MapGet("/", async Task<Ok<ListResponse<RedeemView>>> (TenantContext caller, RedeemService redeems, string? limit, string? starting_after,
                string? status, CancellationToken ct) =>
                TypedResults.Ok(await redeems.ListAsync(caller, PageRequest.Parse(limit, starting_after), status, ct)))
            .WithName("ListRedeems")
            .WithSummary("This tenant's redeems, newest first; filter `status`.")
            .ProducesFloProblems();
        group.MapGet("/{id}", async Task<Ok<RedeemView>> (string id, TenantContext caller, RedeemService redeems, CancellationToken ct) =>
                TypedResults.Ok(await redeems.RetrieveAsync(caller, id, ct)))
            .WithName("RetrieveRedeem")
            .WithSummary("One redeem in its current state.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound);

        var pools = routes.MapGroup("/v1/sandbox/payout_pools").WithTags("Sandbox");
        pools.MapGet("/", async Task<Ok<PayoutPoolsView>> (TenantContext caller, PayoutPoolService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(caller, ct)))
            .WithName("GetSandboxPayoutPools")
            .WithSummary("This tenant's payout pools, one per currency and chain: what each holds and the redeems it holds back (sandbox-only).")
            .ProducesFloProblems();
        pools.MapPost("/{currency}/{chain}", async Task<Ok<PayoutPoolView>> (string currency, string chain, SetPayoutPoolRequest request,
                TenantContext caller, PayoutPoolService service, CancellationToken ct) =>
                TypedResults.Ok(await service.SetAsync(caller, currency, chain, request, ct)))
            .WithName("SetSandboxPayoutPool")
            .WithSummary("Sets what one payout pool holds; redeems it held back are paid out, oldest first, as far as it covers them (sandbox-only).")
            .ProducesFloProblems(FloErrorCatalog.Forbidden);

        var coolDown = routes.MapGroup("/v1/sandbox/guardrails/redeem_cool_down").WithTags("Sandbox");
        coolDown.MapGet("/", async Task<Ok<RedeemCoolDownView>> (TenantContext caller, RedeemCoolDownService service, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(caller, ct)))
            .WithName("GetSandboxRedeemCoolDown")
            .WithSummary("This tenant's redeem_cool_down guardrail and the wallets cooling down (sandbox-only).")
            .ProducesFloProblems();
        coolDown.MapPost("/", async Task<Ok<RedeemCoolDownView>> (RedeemCoolDownRequest request, TenantContext caller, RedeemCoolDownService service,
                CancellationToken ct) =>
                TypedResults.Ok(await service.SetAsync(caller, request, ct)))
            .WithName("SetSandboxRedeemCoolDown")
            .WithSummary("Turns redeem_cool_down on (threshold and cool-down) or off for this tenant; running cool-downs end (sandbox-only).")
            .ProducesFloProblems(FloErrorCatalog.Forbidden);
        return routes;
    }
}
