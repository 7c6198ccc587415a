using System.Globalization;
using FloSandbox.Core.Ledger;
using FloSandbox.Core.Market;
using FloSandbox.Core.Market.Overrides;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Catalog;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FloSandbox.Flo.Prices;

/// Sandbox-only: pin or shock one ticker's price for this tenant (borrow and liquidation tests), or clear it.
public static class PricesEndpoints
{
    public const decimal MaxPinnedPrice = 1_000_000m;

    public static RouteGroupBuilder MapPrices(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sandbox/prices").WithTags("Sandbox");

        group.MapPost("/{ticker}", async Task<Ok<PriceOverrideView>> (string ticker, SetPriceRequest request, TenantContext caller,
                TokenCatalog catalog, PriceOverrideStore overrides, PriceOracle oracle, CancellationToken ct) =>
            {
                var token = catalog.Require(ticker);
                var value = Validate(request);
                await overrides.SetAsync(caller.TenantId, token.Ticker, value, caller.Now, ct);
                return TypedResults.Ok(View(oracle, token.Ticker, caller.Now, value));
            })
            .WithName("SetSandboxPrice")
            .WithSummary("Pins (`price`) or shocks (`shock_pct`) one ticker's price for this tenant.")
            .ProducesFloProblems(FloErrorCatalog.AssetNotFound, FloErrorCatalog.Forbidden);

        group.MapDelete("/{ticker}", async Task<Ok<PriceOverrideView>> (string ticker, TenantContext caller,
                TokenCatalog catalog, PriceOverrideStore overrides, PriceOracle oracle, CancellationToken ct) =>
            {
                var token = catalog.Require(ticker);
                await overrides.ClearAsync(caller.TenantId, token.Ticker, ct);
                return TypedResults.Ok(View(oracle, token.Ticker, caller.Now, null));
            })
            .WithName("ClearSandboxPrice")
            .WithSummary("Returns one ticker to its deterministic price curve for this tenant.")
            .ProducesFloProblems(FloErrorCatalog.AssetNotFound, FloErrorCatalog.Forbidden);

        return group;
    }

    private static PriceOverride Validate(SetPriceRequest request)
    {
        switch (request)
        {
            case { Price: null, ShockPct: null }:
            case { Price: not null, ShockPct: not null }:
                throw FloException.Invalid("price", "Send exactly one of 'price' (pin) or 'shock_pct' (percent move).");
            case { Price: { } price }:
                if (price <= 0 || price > MaxPinnedPrice || Money.SignificantDecimalPlaces(price) > 2)
                {
                    throw FloException.Invalid("price", $"price must be greater than 0 and at most {MaxPinnedPrice:0}, in cents (at most 2 decimals); got {price}.");
                }
                return PriceOverride.Pin(price);
            default:
                var shock = request.ShockPct!.Value;
                if (shock <= -100 || shock > PriceOverride.MaxShockPct)
                {
                    throw FloException.Invalid("shock_pct", $"shock_pct must be above -100 and at most {PriceOverride.MaxShockPct:0}; got {shock}.");
                }
                return PriceOverride.Shock(shock);
        }
    }

    private static PriceOverrideView View(PriceOracle oracle, string ticker, DateTimeOffset now, PriceOverride? value)
    {
        var quote = oracle.Quote(ticker, now, value);
        return new PriceOverrideView(ticker, Money.Usd(quote.Price), TenantClockService.Format(quote.AsOf), quote.Stale,
            Money.Usd(oracle.Quote(ticker, now).Price),
            value?.PinnedPrice is { } p ? Money.Usd(p) : null,
            value?.ShockPct?.ToString(CultureInfo.InvariantCulture));
    }
}
