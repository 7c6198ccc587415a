using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// Query and path parameters that endpoints bind as strings (so they can answer bad values with a precise
/// 400) but that have a narrower shape on the wire: pagination limits, status filters, chain and currency names.
internal static class ParameterShapes
{
    public static void Apply(OpenApiOperation operation, OpenApiDocument document)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            IOpenApiSchema? schema = (parameter.In, parameter.Name) switch
            {
                (ParameterLocation.Query, "limit") => Limit(),
                (ParameterLocation.Query, "status") when operation.OperationId == "ListMints" =>
                    WireEnums.Schema("Only mints in this status.", WireEnums.MintStatusFilters),
                (ParameterLocation.Query, "status") when operation.OperationId == "ListBridges" =>
                    new OpenApiSchemaReference(WireEnums.BridgeStatus, document),
                (ParameterLocation.Query, "status") when operation.OperationId == "ListRedeems" =>
                    new OpenApiSchemaReference(WireEnums.RedeemStatus, document),
                (ParameterLocation.Query, "status") when operation.OperationId == "ListWebhookDeliveries" =>
                    new OpenApiSchemaReference(WireEnums.DeliveryStatus, document),
                (ParameterLocation.Path, "chain") => new OpenApiSchemaReference(WireEnums.Chain, document),
                (ParameterLocation.Path, "currency") => new OpenApiSchemaReference(WireEnums.Currency, document),
                _ => null,
            };
            if (schema is not null)
            {
                parameter.Schema = schema;
            }
        }
    }

    private static OpenApiSchema Limit() => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = Pagination.PageRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = System.Text.Json.Nodes.JsonValue.Create(Pagination.PageRequest.DefaultLimit),
        Description = $"Page size, 1–{Pagination.PageRequest.MaxLimit} (default {Pagination.PageRequest.DefaultLimit}).",
    };
}
