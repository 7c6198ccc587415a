using FloSandbox.Core.Ledger;

namespace FloSandbox.Flo.Platform.Errors;

/// The errors more than one place raises (a feature, and error injection), built once so their bodies agree.
public static class FloErrors
{
    public static FloError AssetNotFound(string ticker) =>
        FloError.Of(FloErrorCatalog.AssetNotFound, $"Ticker '{ticker}' is not in the universe or was delisted mid-session.", ("asset", ticker));

    public static FloError MarketClosedNonFractional(string asset, string venue, DateTimeOffset nextSession, DateTimeOffset now) =>
        FloError.Of(FloErrorCatalog.MarketClosedNonFractional,
            $"{venue} is closed; the earliest next fill window opens at {nextSession.UtcDateTime:yyyy-MM-ddTHH:mm}Z.",
            ("asset", asset), ("venue", venue), ("next_session_at", nextSession.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")),
            ("seconds_until_session", (long)Math.Ceiling((nextSession - now).TotalSeconds)));

    public static FloError InsufficientFunds(decimal required, decimal available, string currency) =>
        FloError.Of(FloErrorCatalog.InsufficientFunds, $"Need {required:N2} {currency}, available {available:N2} {currency}.",
            ("required_usdc", Money.Usd(required)), ("available_usdc", Money.Usd(available)), ("shortfall_usdc", Money.Usd(required - available)));

    public static FloError InsufficientPosition(string positionId, decimal held, decimal requested, string? detail = null) =>
        FloError.Of(FloErrorCatalog.InsufficientPosition,
            detail ?? $"Position '{positionId}' holds {Money.Quantity(held)}; cannot redeem {Money.Quantity(requested)}.",
            ("position_id", positionId), ("held_quantity", Money.Quantity(held)), ("requested_quantity", Money.Quantity(requested)));

    /// A dependency (a devchain node) is not answering; clients retry with backoff.
    public static FloError ServiceUnavailable(string? detail = null) =>
        FloError.Of(FloErrorCatalog.ServiceUnavailable, detail, ("retry_after_seconds", 5));
}
