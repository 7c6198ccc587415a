namespace FloSandbox.Core.Market;

// Section "Market". Mode: auto (NYSE hours on the tenant clock, the default), open (always open) or
// closed (always closed). Case-insensitive; the enum names AlwaysOpen / AlwaysClosed are accepted too.
public sealed class MarketOptions
{
    public const string SectionName = "Market";

    public string Mode { get; set; } = "auto";

    public MarketMode ResolveMode() =>
        TryParseMode(Mode, out var mode)
            ? mode
            : throw new InvalidOperationException($"Market:Mode '{Mode}' is not one of auto, open, closed.");

    public static bool TryParseMode(string? value, out MarketMode mode)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "auto":
                mode = MarketMode.Auto;
                return true;
            case "open" or "alwaysopen":
                mode = MarketMode.AlwaysOpen;
                return true;
            case "closed" or "alwaysclosed":
                mode = MarketMode.AlwaysClosed;
                return true;
            default:
                mode = default;
                return false;
        }
    }
}
