namespace FloSandbox.Core.Market;

// A slice of the catalog in ticker order; the last item's ticker is the cursor for the next page.
public sealed record TokenPage(IReadOnlyList<TokenInfo> Items, bool HasMore);
