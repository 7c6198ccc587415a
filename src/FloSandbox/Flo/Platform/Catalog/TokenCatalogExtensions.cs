using FloSandbox.Core.Market;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Catalog;

public static class TokenCatalogExtensions
{
    /// The token for a ticker (case-insensitive), or 404 `asset_not_found`.
    public static TokenInfo Require(this TokenCatalog catalog, string ticker) =>
        catalog.TryGet(ticker, out var token) ? token : throw FloErrors.AssetNotFound(ticker).ToException();
}
