namespace FloSandbox.Flo.Platform.ErrorInjection;

/// Market facts error injection draws on; the market feature provides them.
public interface IMarketFacts
{
    AssetFacts? Lookup(string ticker, DateTimeOffset now);

    DateTimeOffset NextSessionAfter(DateTimeOffset now);
}
