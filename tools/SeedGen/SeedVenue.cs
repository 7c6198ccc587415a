namespace FloSandbox.SeedGen;

public static class SeedVenue
{
    public const string Nyse = "NYSE";
    public const string Nasdaq = "NASDAQ";
    public const string NyseArca = "NYSE Arca";

    /// <summary>Unlisted vehicle (non-traded BDC, interval or direct-lending fund) dealt at NAV through its administrator.</summary>
    public const string Private = "private";
}
