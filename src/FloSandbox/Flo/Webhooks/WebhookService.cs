using FloSandbox.Core.Ids;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Pagination;

namespace FloSandbox.Flo.Webhooks;

/// Subscriptions: create (validating URL, events and secret), list, retrieve, delete.
public sealed class WebhookService(SubscriptionStore subscriptions, WebhookUrlPolicy urls)
{
    public async Task<CreatedWebhook> CreateAsync(TenantContext caller, CreateWebhookRequest request, CancellationToken ct)
    {
        var url = await urls.ValidateAsync(request.Url, "url", ct);
        var events = EventPatterns.Normalize(request.Events);
        var secret = request.Secret ?? WebhookSignature.NewSecret();
        if (secret.Length is < WebhookSignature.MinSecretLength or > WebhookSignature.MaxSecretLength || secret.Any(char.IsWhiteSpace))
        {
            throw FloException.Invalid("secret",
                $"secret must be {WebhookSignature.MinSecretLength}–{WebhookSignature.MaxSecretLength} characters without whitespace (for example 'whsec_…'); omit it to have one generated.");
        }
        var subscription = new SubscriptionStore.Subscription(FloIds.New("whk"), caller.TenantId, url.OriginalString, events, secret,
            TenantClockService.Format(caller.Now));
        await subscriptions.InsertAsync(subscription, ct);
        return new CreatedWebhook(subscription.Id, subscription.Url, subscription.Events, secret, subscription.CreatedAt);
    }

    public async Task<ListResponse<WebhookView>> ListAsync(TenantContext caller, PageRequest page, CancellationToken ct)
    {
        var result = await subscriptions.PageAsync(caller.TenantId, page, ct)
            ?? throw FloException.Invalid("starting_after", $"starting_after '{page.StartingAfter}' is not a webhook subscription of this account.");
        var data = result.Items.Select(View).ToList();
        return new ListResponse<WebhookView>(data, result.HasMore, result.HasMore ? data[^1].Id : null);
    }

    public async Task<WebhookView> RetrieveAsync(TenantContext caller, string id, CancellationToken ct) =>
        View(await FindAsync(caller, id, ct));

    public async Task<DeletedWebhook> DeleteAsync(TenantContext caller, string id, CancellationToken ct) =>
        await subscriptions.DeleteAsync(caller.TenantId, id, ct) ? new DeletedWebhook(id, true) : throw NotFound(id);

    internal async Task<SubscriptionStore.Subscription> FindAsync(TenantContext caller, string id, CancellationToken ct) =>
        await subscriptions.FindAsync(caller.TenantId, id, ct) ?? throw NotFound(id);

    private static WebhookView View(SubscriptionStore.Subscription s) => new(s.Id, s.Url, s.Events, s.CreatedAt);

    private static FloException NotFound(string id) => new(FloError.Of(FloErrorCatalog.ResourceNotFound,
        $"No webhook subscription '{id}' exists on this account.", ("resource", "webhook"), ("id", id)));
}
