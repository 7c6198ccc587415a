using System.Text.Json.Nodes;
using FloSandbox.Core.Ledger.Balances;
using FloSandbox.Flo.Platform.Chains;
using FloSandbox.Flo.Platform.Errors;
using Microsoft.OpenApi;

namespace FloSandbox.Flo.Platform.OpenApi;

/// The closed sets of strings on the wire, each a named component schema so generated clients get one
/// enum type per set (one `Chain`, not one per property that carries a chain).
internal static class WireEnums
{
    public const string Chain = "Chain";
    public const string Currency = "Currency";
    public const string MintStatus = "MintStatus";
    public const string BridgeStatus = "BridgeStatus";
    public const string RedeemStatus = "RedeemStatus";
    public const string DeliveryStatus = "DeliveryStatus";
    public const string AttemptKind = "AttemptKind";
    public const string KeyScope = "KeyScope";
    public const string ErrorCode = "ErrorCode";

    // The mint lifecycle: `pending` while an in-session mint settles inline, `queued` outside the session,
    // then `filled`, `settled` or `failed`. The list filter takes every status but `pending`.
    public static readonly IReadOnlyList<string> MintStatuses = ["pending", "queued", "filled", "settled", "failed"];
    public static readonly IReadOnlyList<string> MintStatusFilters = ["queued", "filled", "settled", "failed"];

    public static readonly IReadOnlyList<string> RedeemStatuses = ["queued", "filled", "settled", "failed"];

    public static IEnumerable<(string Name, string Description, IReadOnlyList<string> Values)> All()
    {
        yield return (Chain, "A live settlement chain.", SettlementChains.Live);
        yield return (Currency, "A settlement stablecoin.", [.. Currencies.All.Select(c => c.ToString())]);
        yield return (MintStatus, "Where a mint stands.", MintStatuses);
        yield return (BridgeStatus, "Where a bridge stands.", Bridges.BridgeLifecycle.WireValues);
        yield return (RedeemStatus, "Where a redeem stands.", RedeemStatuses);
        yield return (DeliveryStatus, "Where a webhook delivery stands.", Webhooks.DeliveryStatus.All);
        yield return (AttemptKind, "Why a delivery attempt ran: the retry schedule or a manual replay.",
            [Webhooks.AttemptKind.Scheduled, Webhooks.AttemptKind.Replay]);
        yield return (KeyScope, "What an API key may do: `read` keys may only GET.",
            [.. Enum.GetNames<FloSandbox.Core.Tenants.KeyScope>().Select(n => n.ToLowerInvariant())]);
        yield return (ErrorCode, "Every Problem-JSON `code` the API returns.", [.. FloErrorCatalog.All.Select(d => d.Code)]);
    }

    /// Which enum a property carries, by its JSON name (and, for `status`, the schema that owns it).
    public static string? ForProperty(string schemaName, string property) => property switch
    {
        "chain" => Chain,
        "currency" => Currency,
        "scope" => KeyScope,
        "kind" when schemaName == "AttemptView" => AttemptKind,
        "status" when schemaName == "MintView" => MintStatus,
        "status" when schemaName == "BridgeView" => BridgeStatus,
        "from_chain" or "to_chain" when schemaName == "BridgeView" => Chain,
        "from" or "to" when schemaName == "RedeemSwapView" => Currency,
        "status" when schemaName == "RedeemView" => RedeemStatus,
        "status" when schemaName is "DeliveryView" or "DeliveryDetail" => DeliveryStatus,
        _ => null,
    };

    public static OpenApiSchema Schema(string description, IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };
}
