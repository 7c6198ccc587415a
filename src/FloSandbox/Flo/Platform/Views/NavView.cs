using FloSandbox.Core.Ledger;
using FloSandbox.Core.Market;
using FloSandbox.Core.Tenants;

namespace FloSandbox.Flo.Platform.Views;

/// A NAV as every Flo resource that carries one shows it (tokens, positions).
public sealed record NavView(string Price, string AsOf, bool Stale)
{
    public static NavView Of(PriceQuote quote) => new(Money.Usd(quote.Price), TenantClockService.Format(quote.AsOf), quote.Stale);

    /// The attestation report of a token: the previous UTC day's, on the tenant's clock.
    public static string AttestationUrl(string ticker, DateTimeOffset now) =>
        $"https://attest.flo.finance/ATT-{now.UtcDateTime.Date.AddDays(-1):yyyy-MM-dd}-{ticker}.pdf";
}
