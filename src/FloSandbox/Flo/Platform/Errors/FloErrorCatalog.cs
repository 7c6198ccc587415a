using System.Collections.Frozen;

namespace FloSandbox.Flo.Platform.Errors;

/// Every error code the sandbox can return, defined once. The first block is the docs' full error
/// catalog; the second block holds the codes the sandbox adds for malformed input and protocol errors.
public static class FloErrorCatalog
{
    public static readonly FloErrorDefinition Unauthorized = new("unauthorized", 401, false, "Missing or malformed API key",
        "Send 'Authorization: Bearer sk_test_…'.", []);
    public static readonly FloErrorDefinition Forbidden = new("forbidden", 403, false, "API key lacks scope for this resource",
        "This key has the 'read' scope; only GET requests are allowed.", ["key_scope", "required_scope"]);
    public static readonly FloErrorDefinition KeyLacksLiveScope = new("key_lacks_live_scope", 403, false, "Key does not match this environment",
        "This is the sandbox: use an sk_test_ key. sk_live_ keys only work against api.flo.finance.", []);
    public static readonly FloErrorDefinition IpNotAllowed = new("ip_not_allowed", 403, false, "Request origin outside the key's IP allowlist",
        "The request came from an address outside the IP allowlist attached to this key.", ["ip"]);
    public static readonly FloErrorDefinition KycRequired = new("kyc_required", 403, false, "Live operation requires an approved KYC record",
        "Your organization has not completed KYC. Sandbox remains available.", ["kyc_status", "kyc_flow_url"]);
    public static readonly FloErrorDefinition JurisdictionRestricted = new("jurisdiction_restricted", 403, false, "Jurisdiction is restricted",
        "The settlement wallet resolves to a restricted jurisdiction.", ["country", "category"]);
    public static readonly FloErrorDefinition AssetNotFound = new("asset_not_found", 404, false, "Asset not found",
        "The ticker is not in the universe or was delisted mid-session.", ["asset"]);
    public static readonly FloErrorDefinition PositionNotFound = new("position_not_found", 404, false, "Position not found",
        "The position does not resolve on this account.", ["position_id"]);
    public static readonly FloErrorDefinition MarketClosedNonFractional = new("market_closed_non_fractional", 409, true,
        "Underlying venue is closed and this asset requires live fills",
        "The venue is closed and this asset requires live fills.", ["asset", "venue", "next_session_at", "seconds_until_session"]);
    public static readonly FloErrorDefinition IdempotencyMismatch = new("idempotency_mismatch", 409, false,
        "Idempotency-Key already used with a different request body",
        "The Idempotency-Key was first used with a different request.", ["original_request_id", "action"]);
    public static readonly FloErrorDefinition MintPausedReconciliation = new("mint_paused_reconciliation", 409, true,
        "Mint paused by a reconciliation break",
        "A reconciliation break paused mints for this token; retry after the break is resolved.", ["asset", "chain"]);
    public static readonly FloErrorDefinition RateLimited = new("rate_limited", 429, true, "Too many requests",
        "Request rate over the key's limit.", ["retry_after_seconds", "limit_rps", "observed_rps"]);
    public static readonly FloErrorDefinition LtvExceeded = new("ltv_exceeded", 422, false, "Requested borrow above the asset-class max LTV",
        "The requested loan-to-value is above the asset class's maximum.", ["max_ltv_bps", "requested_ltv_bps"]);
    public static readonly FloErrorDefinition HealthTooLow = new("health_too_low", 422, false, "Position would open underwater",
        "The position would open with a health factor too low. Post more collateral or borrow less.", ["health_factor", "minimum_health_factor"]);
    public static readonly FloErrorDefinition InsufficientFunds = new("insufficient_funds", 422, false, "Insufficient USDC to settle this trade",
        "The source balance does not cover notional plus cost.", ["required_usdc", "available_usdc", "shortfall_usdc"]);
    public static readonly FloErrorDefinition GuardrailTriggered = new("guardrail_triggered", 422, true, "Mint rejected by per-block guardrail",
        "The request would breach a per-block circuit breaker.", ["limit", "limit_value", "current_value", "retry_after_seconds"]);
    public static readonly FloErrorDefinition BridgeRouteUnsupported = new("bridge_route_unsupported", 422, false, "Bridge route not supported",
        "Flo does not support this (from_chain, to_chain) pair yet.", ["from_chain", "to_chain"]);
    public static readonly FloErrorDefinition BridgeDvnTimeout = new("bridge_dvn_timeout", 504, false,
        "Bridge reverted — DVN quorum did not form within 10 min",
        "Source burn has been auto-unwound.", ["bridge_id", "unwind_tx", "webhook_fired"]);
    public static readonly FloErrorDefinition InternalError = new("internal_error", 500, true, "Internal error",
        "Flo-side failure. Retry with the same idempotency key.", []);
    public static readonly FloErrorDefinition ServiceUnavailable = new("service_unavailable", 503, true, "Service unavailable",
        "Scheduled maintenance or degraded upstream. Retry with backoff.", ["retry_after_seconds"]);

    // Sandbox additions: the docs name no code for these, so the sandbox defines them.
    public static readonly FloErrorDefinition InvalidRequest = new("invalid_request", 400, false, "Invalid request",
        "The request is malformed.", ["param"], Documented: false);
    public static readonly FloErrorDefinition ResourceNotFound = new("resource_not_found", 404, false, "Resource not found",
        "No resource with this id exists on this account.", ["resource", "id"], Documented: false);
    public static readonly FloErrorDefinition RouteNotFound = new("route_not_found", 404, false, "Route not found",
        "No route matches this path.", ["method", "path"], Documented: false);
    public static readonly FloErrorDefinition MethodNotAllowed = new("method_not_allowed", 405, false, "Method not allowed",
        "This route does not accept this HTTP method.", ["method"], Documented: false);
    public static readonly FloErrorDefinition PayloadTooLarge = new("payload_too_large", 413, false, "Request body too large",
        "The request body exceeds the size limit.", ["max_bytes"], Documented: false);
    public static readonly FloErrorDefinition InsufficientPosition = new("insufficient_position", 422, false, "Quantity above the position's holding",
        "The position holds less than the quantity requested.", ["position_id", "held_quantity", "requested_quantity"], Documented: false);
    public static readonly FloErrorDefinition UnsupportedMediaType = new("unsupported_media_type", 415, false, "Unsupported media type",
        "Request bodies must be JSON (Content-Type: application/json).", ["content_type"], Documented: false);

    public static readonly IReadOnlyList<FloErrorDefinition> All =
    [
        Unauthorized, Forbidden, KeyLacksLiveScope, IpNotAllowed, KycRequired, JurisdictionRestricted, AssetNotFound,
        PositionNotFound, MarketClosedNonFractional, IdempotencyMismatch, MintPausedReconciliation, RateLimited,
        LtvExceeded, HealthTooLow, InsufficientFunds, GuardrailTriggered, BridgeRouteUnsupported, BridgeDvnTimeout,
        InternalError, ServiceUnavailable,
        InvalidRequest, ResourceNotFound, RouteNotFound, MethodNotAllowed, PayloadTooLarge, UnsupportedMediaType, InsufficientPosition,
    ];

    private static readonly FrozenDictionary<string, FloErrorDefinition> ByCode =
        All.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    public static bool TryGet(string code, out FloErrorDefinition definition) =>
        ByCode.TryGetValue(code, out definition!);
}
