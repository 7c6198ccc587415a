namespace FloSandbox.Core.Market;

// Listing venues as they appear on the wire.
public static class Venues
{
    public const string Nyse = "NYSE";
    public const string Nasdaq = "NASDAQ";
    public const string NyseArca = "NYSE Arca";

    // Unlisted vehicle dealt at NAV through its administrator.
    public const string Private = "private";

    public static bool IsKnown(string venue) => venue is Nyse or Nasdaq or NyseArca or Private;
}
