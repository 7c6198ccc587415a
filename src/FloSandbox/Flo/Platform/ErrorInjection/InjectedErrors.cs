using System.Security.Cryptography;
using FloSandbox.Core.Ids;
using FloSandbox.Core.Ledger;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.ErrorInjection;

/// Builds the full body of an injected error: the catalog's status and title, a detail with concrete
/// values, and every extension field the code documents, filled from the request where it can be.
public static class InjectedErrors
{
    public static FloError Build(FloErrorDefinition d, InjectionContext ctx)
    {
        var asset = ctx.Asset is { } a ? ctx.LookupAsset(a) : null;
        var ticker = asset?.Ticker ?? ctx.Asset?.ToUpperInvariant() ?? "AAPL";
        var notional = decimal.Round((asset?.Price ?? 184.205m) * (ctx.Number("quantity") ?? ctx.Number("collateral.quantity") ?? 10m), 2);
        var chain = ctx.Text("settlement.chain") ?? ctx.Text("payout.chain") ?? ctx.Text("borrow.chain") ?? ctx.Text("chain") ?? "base";

        return d.Code switch
        {
            "forbidden" => FloError.Of(d, null, ("key_scope", "read"), ("required_scope", "full")),
            "ip_not_allowed" => FloError.Of(d, $"Requests from {ctx.RemoteIp ?? "203.0.113.7"} are outside this key's IP allowlist.",
                ("ip", ctx.RemoteIp ?? "203.0.113.7")),
            "kyc_required" => FloError.Of(d, null, ("kyc_status", "not_started"), ("kyc_flow_url", "https://dashboard.flo.finance/kyc")),
            "jurisdiction_restricted" => FloError.Of(d,
                $"The settlement wallet {ctx.Text("settlement.wallet") ?? ctx.Text("payout.wallet") ?? ctx.Text("borrow.wallet") ?? "on this request"} resolves to a restricted jurisdiction (US).",
                ("country", "US"), ("category", "restricted_jurisdiction")),
            "asset_not_found" => FloErrors.AssetNotFound(ticker),
            "position_not_found" => PositionNotFoundFor(d, ctx),
            "market_closed_non_fractional" => FloErrors.MarketClosedNonFractional(ticker, asset?.Venue ?? "NYSE", ctx.NextSessionAfter(ctx.Now), ctx.Now),
            "idempotency_mismatch" => FloError.Of(d,
                $"Key '{ctx.IdempotencyKey ?? "(none)"}' was first used with a different request body.",
                ("original_request_id", FloIds.New("req")), ("action", "Retry with a different Idempotency-Key.")),
            "mint_paused_reconciliation" => FloError.Of(d, $"Mints of {ticker} on {chain} are paused by a reconciliation break.",
                ("asset", ticker), ("chain", chain)),
            "rate_limited" => FloError.Of(d, $"Exceeded {ctx.RateLimitRps} RPS on this key.",
                ("retry_after_seconds", 1), ("limit_rps", ctx.RateLimitRps), ("observed_rps", ctx.RateLimitRps + ctx.RateLimitRps / 10 + 1)),
            "ltv_exceeded" => LtvExceeded(d, ctx, asset),
            "health_too_low" => FloError.Of(d, "The position would open with health factor 0.97; at least 1.00 is required.",
                ("health_factor", "0.97"), ("minimum_health_factor", "1.00")),
            "insufficient_funds" => InsufficientFundsFor(ctx, notional),
            "guardrail_triggered" => Guardrail(d, ctx, notional),
            "bridge_route_unsupported" => BridgeRoute(d, ctx),
            "bridge_dvn_timeout" => FloError.Of(d,
                $"Source burn has been auto-unwound. Tokens are restored on {ctx.Text("from_chain") ?? "base"}.",
                ("bridge_id", FloIds.New("brg")), ("unwind_tx", "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))),
                ("webhook_fired", "bridge.reverted")),
            "service_unavailable" => FloErrors.ServiceUnavailable(),
            "invalid_request" => FloError.Of(d, "The request is malformed.", ("param", "body")),
            "resource_not_found" => FloError.Of(d, null, ("resource", "mint"), ("id", FloIds.New("mnt"))),
            "route_not_found" => FloError.Of(d, null, ("method", "POST"), ("path", ctx.Path)),
            "method_not_allowed" => FloError.Of(d, null, ("method", "POST")),
            "payload_too_large" => FloError.Of(d, null, ("max_bytes", 1024 * 1024)),
            "unsupported_media_type" => FloError.Of(d, null, ("content_type", "text/plain")),
            "insufficient_position" => InsufficientPositionFor(ctx),
            _ => FloError.Of(d),
        };
    }

    private static FloError PositionNotFoundFor(FloErrorDefinition d, InjectionContext ctx)
    {
        var id = ctx.Text("position_id") ?? FloIds.New("mnt");
        return FloError.Of(d, $"Position '{id}' does not resolve on this account.", ("position_id", id));
    }

    private static FloError InsufficientPositionFor(InjectionContext ctx)
    {
        var requested = ctx.Number("quantity") is { } q && q > 0 ? q : 10m;
        return FloErrors.InsufficientPosition(ctx.Text("position_id") ?? FloIds.New("mnt"), decimal.Round(requested / 2, 6), requested);
    }

    private static FloError LtvExceeded(FloErrorDefinition d, InjectionContext ctx, AssetFacts? asset)
    {
        var max = asset?.MaxLtvBps ?? 7000;
        var collateralValue = (asset?.Price ?? 0m) * (ctx.Number("collateral.quantity") ?? 0m);
        var requested = ctx.Number("borrow.amount") is { } amount && collateralValue > 0
            ? (int)Math.Ceiling(amount / collateralValue * 10_000m) : max + 500;
        if (requested <= max)
        {
            requested = max + 500;
        }
        return FloError.Of(d, $"Requested LTV {requested} bps is above the asset class maximum of {max} bps.",
            ("max_ltv_bps", max), ("requested_ltv_bps", requested));
    }

    private static FloError InsufficientFundsFor(InjectionContext ctx, decimal required)
    {
        var available = ctx.AvailableUsdc < required ? ctx.AvailableUsdc : decimal.Round(required * 0.65m, 2);
        return FloErrors.InsufficientFunds(required, available, "USDC");
    }

    private static FloError Guardrail(FloErrorDefinition d, InjectionContext ctx, decimal notional)
    {
        var (limit, value) = ctx.Path switch
        {
            var p when p.StartsWith("/v1/redeem", StringComparison.Ordinal) => ("redeem_max_per_block", 250_000m),
            var p when p.StartsWith("/v1/borrow", StringComparison.Ordinal) => ("borrow_max_notional_per_address", 1_000_000m),
            var p when p.StartsWith("/v1/bridge", StringComparison.Ordinal) => ("bridge_max_amount_per_tx", 500_000m),
            _ => ("mint_max_notional_per_address_per_block", 250_000m),
        };
        var current = notional > value ? notional : value + 18_420.50m;
        return FloError.Of(d, $"Your address exceeded {limit} in the current block.",
            ("limit", limit), ("limit_value", Money.Usd(value)), ("current_value", Money.Usd(current)), ("retry_after_seconds", 12));
    }

    private static FloError BridgeRoute(FloErrorDefinition d, InjectionContext ctx)
    {
        var from = ctx.Text("from_chain") ?? "base";
        var to = ctx.Text("to_chain") ?? "solana";
        return FloError.Of(d, $"Flo does not support bridging from {from} to {to} yet.", ("from_chain", from), ("to_chain", to));
    }
}
