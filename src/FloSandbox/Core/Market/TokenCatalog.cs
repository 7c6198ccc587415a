using System.Diagnostics.CodeAnalysis;

namespace FloSandbox.Core.Market;

// The immutable ticker universe, sorted by ticker (ordinal). Thread-safe.
public sealed class TokenCatalog
{
    internal const string ResourceName = "FloSandbox.Market.tokens.csv";

    private static readonly Lazy<TokenCatalog> LazyDefault = new(LoadEmbedded);

    private readonly TokenInfo[] _sorted;
    private readonly Dictionary<string, TokenInfo> _byTicker;

    public TokenCatalog(IEnumerable<TokenInfo> tokens)
    {
        _sorted = tokens.ToArray();
        Array.Sort(_sorted, static (a, b) => string.CompareOrdinal(a.Ticker, b.Ticker));
        All = Array.AsReadOnly(_sorted);
        _byTicker = new Dictionary<string, TokenInfo>(_sorted.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var token in _sorted)
        {
            if (!_byTicker.TryAdd(token.Ticker, token))
            {
                throw new ArgumentException($"Ticker {token.Ticker} appears twice.", nameof(tokens));
            }
        }
    }

    // The universe shipped in the assembly (seed-data/tokens.csv), loaded once.
    public static TokenCatalog Default => LazyDefault.Value;

    public IReadOnlyList<TokenInfo> All { get; }

    public int Count => _sorted.Length;

    // Case-insensitive lookup: aapl finds AAPL.
    public bool TryGet([NotNullWhen(true)] string? ticker, [NotNullWhen(true)] out TokenInfo? token)
    {
        if (ticker is null)
        {
            token = null;
            return false;
        }

        return _byTicker.TryGetValue(ticker, out token);
    }

    // Up to limit tokens strictly after startingAfter (case-insensitive;
    // need not exist in the catalog), or from the start when it is null or empty.
    public TokenPage Page(string? startingAfter, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var start = string.IsNullOrEmpty(startingAfter) ? 0 : FirstIndexAfter(startingAfter.ToUpperInvariant());
        var count = Math.Min(limit, _sorted.Length - start);
        return new TokenPage(new ArraySegment<TokenInfo>(_sorted, start, count), start + count < _sorted.Length);
    }

    public static TokenCatalog LoadEmbedded()
    {
        using var stream = OpenEmbeddedCsv();
        using var reader = new StreamReader(stream);
        return new TokenCatalog(TokenCsvReader.Read(reader));
    }

    internal static Stream OpenEmbeddedCsv() =>
        typeof(TokenCatalog).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");

    private int FirstIndexAfter(string ticker)
    {
        int low = 0, high = _sorted.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (string.CompareOrdinal(_sorted[middle].Ticker, ticker) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
