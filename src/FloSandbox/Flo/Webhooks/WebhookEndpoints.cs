using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FloSandbox.Flo.Webhooks;

public static class WebhookEndpoints
{
    /// `/v1/webhooks` (subscriptions, their deliveries, bulk replay, test deliveries) and `/v1/webhook_deliveries`.
    public static RouteGroupBuilder MapWebhooks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/webhooks").WithTags("Webhooks");

        group.MapPost("/", async Task<Created<CreatedWebhook>> (CreateWebhookRequest request, TenantContext caller, WebhookService webhooks,
                CancellationToken ct) =>
            {
                var created = await webhooks.CreateAsync(caller, request, ct);
                return TypedResults.Created($"/v1/webhooks/{created.Id}", created);
            })
            .WithName("CreateWebhook")
            .WithSummary("Subscribes a URL to events (exact names, family globs such as 'mint.*', or '*'). The secret is returned only here.")
            .ProducesFloProblems(FloErrorCatalog.Forbidden);

        group.MapGet("/", async Task<Ok<ListResponse<WebhookView>>> (TenantContext caller, WebhookService webhooks, string? limit,
                string? starting_after, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.ListAsync(caller, PageRequest.Parse(limit, starting_after), ct)))
            .WithName("ListWebhooks")
            .WithSummary("This account's webhook subscriptions in creation order (limit 1–100, default 10); never with secrets.")
            .ProducesFloProblems();

        group.MapGet("/{id}", async Task<Ok<WebhookView>> (string id, TenantContext caller, WebhookService webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.RetrieveAsync(caller, id, ct)))
            .WithName("RetrieveWebhook")
            .WithSummary("One webhook subscription, without its secret.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound);

        group.MapDelete("/{id}", async Task<Ok<DeletedWebhook>> (string id, TenantContext caller, WebhookService webhooks, CancellationToken ct) =>
                TypedResults.Ok(await webhooks.DeleteAsync(caller, id, ct)))
            .WithName("DeleteWebhook")
            .WithSummary("Deletes the subscription with its deliveries; pending retries stop.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound, FloErrorCatalog.Forbidden);

        group.MapGet("/{id}/deliveries", async Task<Ok<ListResponse<DeliveryView>>> (string id, TenantContext caller, DeliveryService deliveries,
                string? status, string? limit, string? starting_after, CancellationToken ct) =>
                TypedResults.Ok(await deliveries.ListAsync(caller, id, status, PageRequest.Parse(limit, starting_after), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("The subscription's deliveries in creation order, optionally filtered by status (pending, delivered, failed, abandoned).")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound);

        group.MapPost("/{id}/replay", async Task<Accepted<BulkReplayResult>> (string id, BulkReplayRequest request, TenantContext caller,
                DeliveryService deliveries, CancellationToken ct) =>
                TypedResults.Accepted($"/v1/webhooks/{id}/deliveries", await deliveries.ReplayAbandonedAsync(caller, id, request, ct)))
            .WithName("BulkReplayWebhookDeliveries")
            .WithSummary("Queues one new attempt for every abandoned delivery created in [from, to] (ISO-8601, tenant clock); returns how many.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound, FloErrorCatalog.Forbidden);

        group.MapPost("/{id}/test", async Task<Accepted<DeliveryView>> (string id, TestDeliveryRequest request, TenantContext caller,
                DeliveryService deliveries, CancellationToken ct) =>
            {
                var delivery = await deliveries.SendTestAsync(caller, id, request, ct);
                return TypedResults.Accepted($"/v1/webhook_deliveries/{delivery.Id}", delivery);
            })
            .WithName("SendTestWebhookDelivery")
            .WithSummary("Sends a synthetic event of the given type to this subscription through the normal signing and retry path.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound, FloErrorCatalog.Forbidden);

        var single = routes.MapGroup("/v1/webhook_deliveries").WithTags("Webhooks");

        single.MapGet("/{id}", async Task<Ok<DeliveryDetail>> (string id, TenantContext caller, DeliveryService deliveries, CancellationToken ct) =>
                TypedResults.Ok(await deliveries.RetrieveAsync(caller, id, ct)))
            .WithName("RetrieveWebhookDelivery")
            .WithSummary("One delivery with its body and every attempt: request headers, response status, latency, error.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound);

        single.MapPost("/{id}/replay", async Task<Ok<DeliveryDetail>> (string id,
                [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ReplayDeliveryRequest? request,
                TenantContext caller, DeliveryService deliveries, CancellationToken ct) =>
                TypedResults.Ok(await deliveries.ReplayAsync(caller, id, request, ct)))
            .WithName("ReplayWebhookDelivery")
            .WithSummary("Sends the delivery again now, to its subscription's URL or to 'url'; answers when the attempt finished, without the response body.")
            .ProducesFloProblems(FloErrorCatalog.ResourceNotFound, FloErrorCatalog.Forbidden);

        return group;
    }
}
