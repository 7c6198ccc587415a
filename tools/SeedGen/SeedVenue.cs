namespace FloSandbox.SeedGen;

public static class SeedVenue
{
    public const string Nyse = "NYSE";
    public const string Nasdaq = "NASDAQ";
    public const string NyseArca = "NYSE Arca";

    // Unlisted vehicle (non-traded BDC, interval or direct-lending fund) dealt at NAV through its administrator.
    public const string Private = "private";
}
