using System.Globalization;
using FloSandbox.Flo.Platform.ErrorInjection;

namespace FloSandbox.Flo.Bridges;

/// `X-Flo-Fail-At` on `POST /v1/bridge` (sandbox-only): `delivery` makes every destination-mint attempt revert on
/// the destination chain until the relayer gives up; `delivery; attempts=N` only the first N (1–30), so attempt
/// N + 1 lands inside the retry window.
public static class BridgeFailAt
{
    public const string Pattern = @"^delivery(\s*;\s*attempts=([1-9]|[12][0-9]|30))?$";

    public static readonly RouteFailsAt Documentation = new(Pattern,
        "Sandbox-only: `delivery` makes every destination-mint attempt of this bridge revert on the destination chain (retried every " +
        "60 s for 30 minutes, then an incident: the bridge stays `sent`); `delivery; attempts=N` fails only the first N attempts (1–30).",
        "'delivery' (every destination-mint attempt fails) or 'delivery; attempts=N' "
        + $"(the first N attempts fail, N from 1 to {DeliveryRetries.MaxAttempts - 1})");

    /// How many of the first destination-mint attempts fail; null without the header.
    public static int? Parse(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var match = Documentation.Check(value.Trim())!;
        return match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : DeliveryRetries.MaxAttempts;
    }
}
