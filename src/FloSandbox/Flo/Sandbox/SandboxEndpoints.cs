using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Sandbox;

public static class SandboxEndpoints
{
    public static RouteGroupBuilder MapSandbox(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sandbox").WithTags("Sandbox");

        group.MapGet("/tenant", async Task<Ok<TenantView>> (TenantContext caller, SandboxService sandbox, CancellationToken ct) =>
                TypedResults.Ok(await sandbox.DescribeAsync(caller, ct)))
            .WithName("GetSandboxTenant")
            .WithSummary("The tenant behind this key: settlement address, balances, clock and market mode (sandbox-only).")
            .ProducesFloProblems();

        group.MapPost("/reset", async Task<Ok<ResetResponse>> (TenantContext caller, SandboxService sandbox, CancellationToken ct) =>
                TypedResults.Ok(new ResetResponse(await sandbox.ResetAsync(caller, ct))))
            .WithName("ResetSandbox")
            .WithSummary("Wipes this tenant back to a fresh tenant; other tenants are untouched.")
            .ProducesFloProblems(FloErrorCatalog.Forbidden);

        group.MapPost("/faucet", async Task<Ok<FaucetResponse>> (FaucetRequest request, TenantContext caller, SandboxService sandbox, CancellationToken ct) =>
                TypedResults.Ok(await sandbox.FaucetAsync(caller, request, ct)))
            .WithName("SandboxFaucet")
            .WithSummary("Credits synthetic USDC or USDT to this tenant.")
            .ProducesFloProblems(FloErrorCatalog.Forbidden);

        group.MapPost("/keys", async Task<Created<CreatedKey>> (CreateKeyRequest request, TenantContext caller, SandboxService sandbox, CancellationToken ct) =>
                TypedResults.Created((string?)null, await sandbox.CreateKeyAsync(caller, request, ct)))
            .WithName("CreateSandboxKey")
            .WithSummary("Creates another key for this tenant, for example a read-scoped one (sandbox-only).")
            .ProducesFloProblems(FloErrorCatalog.Forbidden);

        return group;
    }
}
