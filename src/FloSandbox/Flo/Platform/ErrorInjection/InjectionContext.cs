using System.Globalization;
using System.Text.Json;

namespace FloSandbox.Flo.Platform.ErrorInjection;

/// What an injected error may draw its extension values from: the request body, the caller's balances
/// and market facts about the asset the request names.
public sealed record InjectionContext(
    JsonElement? Body,
    string Path,
    string? IdempotencyKey,
    string? RemoteIp,
    decimal AvailableUsdc,
    int RateLimitRps,
    DateTimeOffset Now,
    Func<string, AssetFacts?> LookupAsset,
    Func<DateTimeOffset, DateTimeOffset> NextSessionAfter)
{
    /// A string at a dotted path of the body (`settlement.chain`), if present.
    public string? Text(string path) => Find(path) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    /// A number at a dotted path of the body, given as a JSON number or a numeric string.
    public decimal? Number(string path) => Find(path) switch
    {
        { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } e when decimal.TryParse(e.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// The ticker the request is about, from whichever field the route uses.
    public string? Asset => Text("asset") ?? Text("token") ?? Text("collateral.token");

    private JsonElement? Find(string path)
    {
        if (Body is not { ValueKind: JsonValueKind.Object } current)
        {
            return null;
        }
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }
        return current;
    }
}

/// Market facts about one asset, for plausible injected values.
public sealed record AssetFacts(string Ticker, decimal Price, string Venue, int MaxLtvBps);
