using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// Money and quantities travel as decimal strings: `decimal` request members (which also accept a JSON
/// number) and the string members that carry amounts in responses get `format: decimal` and a pattern.
internal sealed class WireFormatSchemaTransformer : IOpenApiSchemaTransformer
{
    public const string DecimalPattern = @"^-?\d+(\.\d+)?$";

    // Response members that hold formatted amounts (USD with 2 decimals, quantities with 6).
    private static readonly HashSet<string> DecimalStrings = new(StringComparer.Ordinal)
    {
        "quantity", "notional_usdc", "price", "total_usdc", "amount", "onramp", "broker", "spread", "deploy_gas",
        "usdc", "usdt", "supply", "nav_usdc", "curve_price", "pinned_price", "shock_pct",
        "proceeds_usdc", "offramp", "liquidity_usdc", "default_liquidity_usdc", "held_usdc", "rate",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(decimal) || type == typeof(decimal?))
        {
            schema.Type = type == typeof(decimal?) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            MarkDecimal(schema);
            schema.Description = "A decimal string; a JSON number is accepted too (no exponent).";
        }
        else if (type == typeof(string) && context.JsonPropertyInfo is { } property && DecimalStrings.Contains(property.Name))
        {
            MarkDecimal(schema);
        }
        return Task.CompletedTask;
    }

    private static void MarkDecimal(OpenApiSchema schema)
    {
        schema.Format = "decimal";
        schema.Pattern = DecimalPattern;
    }
}
