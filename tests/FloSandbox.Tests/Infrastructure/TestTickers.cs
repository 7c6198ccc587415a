using FloSandbox.Core.Market;

namespace FloSandbox.Tests.Infrastructure;

/// Token contracts are chain state shared by every tenant and test, so tests that deploy take a
/// ticker no other test in the run uses.
public static class TestTickers
{
    private static int _next = 3000;

    public static string Unique(bool fractional = true)
    {
        while (true)
        {
            var token = TokenCatalog.Default.All[Interlocked.Increment(ref _next) % TokenCatalog.Default.Count];
            if (token.Fractional == fractional)
            {
                return token.Ticker;
            }
        }
    }
}
