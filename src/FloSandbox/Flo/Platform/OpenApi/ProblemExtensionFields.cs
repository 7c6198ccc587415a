using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// The schema of every extension field a Problem-JSON body can carry, by name. The catalog names the
/// fields of each code; this table says what each one holds. A test checks that it covers the catalog.
internal static class ProblemExtensionFields
{
    private const string DecimalPattern = WireFormatSchemaTransformer.DecimalPattern;

    public static readonly IReadOnlyDictionary<string, Func<OpenApiSchema>> Schemas = new Dictionary<string, Func<OpenApiSchema>>(StringComparer.Ordinal)
    {
        ["key_scope"] = () => Text("The scope of the key that was used."),
        ["required_scope"] = () => Text("The scope the request needs."),
        ["ip"] = () => Text("The client address that was refused."),
        ["kyc_status"] = () => Text("The organization's KYC status."),
        ["kyc_flow_url"] = () => Text("Where to complete KYC.", "uri"),
        ["country"] = () => Text("ISO country code of the restricted jurisdiction."),
        ["category"] = () => Text("Why the jurisdiction is restricted."),
        ["asset"] = () => Text("The ticker concerned."),
        ["position_id"] = () => Text("The position that did not resolve."),
        ["held_quantity"] = () => Decimal("What the position holds, in shares."),
        ["requested_quantity"] = () => Decimal("What the request asked for, in shares."),
        ["venue"] = () => Text("The closed venue."),
        ["next_session_at"] = () => Text("When the venue next opens.", "date-time"),
        ["seconds_until_session"] = () => Integer("Seconds until the venue next opens."),
        ["original_request_id"] = () => Text("The request that first used the Idempotency-Key."),
        ["action"] = () => Text("What to do about it."),
        ["chain"] = () => Text("The chain concerned."),
        ["retry_after_seconds"] = () => Integer("Seconds to wait before retrying."),
        ["limit_rps"] = () => Integer("The key's limit in requests per second."),
        ["observed_rps"] = () => Integer("Requests seen in the current one-second window."),
        ["max_ltv_bps"] = () => Integer("The asset class's maximum loan-to-value, in basis points."),
        ["requested_ltv_bps"] = () => Integer("The requested loan-to-value, in basis points."),
        ["health_factor"] = () => Decimal("The health factor the position would open with."),
        ["minimum_health_factor"] = () => Decimal("The lowest health factor allowed."),
        ["required_usdc"] = () => Decimal("What the trade needs, in the settlement currency."),
        ["available_usdc"] = () => Decimal("What the balance holds."),
        ["shortfall_usdc"] = () => Decimal("required_usdc minus available_usdc."),
        ["limit"] = () => Text("The guardrail that would be breached, e.g. `mint_max_notional_per_address_per_block`."),
        ["limit_value"] = () => Decimal("The guardrail's threshold (USD; for `redeem_cool_down`, bps of the wallet's holding redeemed in 24 h)."),
        ["current_value"] = () => Decimal("The value with this request counted (USD; for `redeem_cool_down`, bps, rounded up)."),
        ["from_chain"] = () => Text("The source chain."),
        ["to_chain"] = () => Text("The destination chain."),
        ["bridge_id"] = () => Text("The bridge that was unwound."),
        ["unwind_tx"] = () => Text("The transaction that restored the source tokens."),
        ["webhook_fired"] = () => Text("The event sent about it."),
        ["param"] = () => Nullable(Text("The field, query parameter or header at fault (`body` for the body as a whole).")),
        ["valid_codes"] = () => List("With an unknown X-Flo-Error code: every code the header accepts."),
        ["valid_events"] = () => List("With an unknown webhook event name: every event name of the catalog."),
        ["resource"] = () => Text("The kind of resource, e.g. `mint`."),
        ["id"] = () => Text("The id that was not found."),
        ["method"] = () => Text("The HTTP method of the request."),
        ["path"] = () => Text("The path of the request."),
        ["max_bytes"] = () => Integer("The largest accepted request body, in bytes."),
        ["content_type"] = () => Nullable(Text("The Content-Type that was sent (null when none was).")),
    };

    private static OpenApiSchema Text(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Format = format, Description = description };

    private static OpenApiSchema Integer(string description) =>
        new() { Type = JsonSchemaType.Integer, Format = "int64", Description = description };

    private static OpenApiSchema Decimal(string description) =>
        new() { Type = JsonSchemaType.String, Format = "decimal", Pattern = DecimalPattern, Description = description };

    private static OpenApiSchema List(string description) =>
        new() { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = description };

    private static OpenApiSchema Nullable(OpenApiSchema schema)
    {
        schema.Type |= JsonSchemaType.Null;
        return schema;
    }
}
