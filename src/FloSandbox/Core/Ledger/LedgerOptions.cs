namespace FloSandbox.Core.Ledger;

/// Where the ledger lives. `DataDir` (or `--data-dir`, or the FLO_DATA_DIR environment variable)
/// names the data directory; `Ledger:InMemory` keeps everything in memory (test fixtures).
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    public string DataDirectory { get; set; } = "./.flo-sandbox";
    public bool InMemory { get; set; }
    public string FileName { get; set; } = "ledger.db";

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), FileName);

    /// The data directory from configuration: `DataDir` (set by `--data-dir`) wins over FLO_DATA_DIR.
    public static string ResolveDataDirectory(IConfiguration configuration) =>
        configuration["DataDir"] is { Length: > 0 } fromArgs ? fromArgs
        : configuration["FLO_DATA_DIR"] is { Length: > 0 } fromEnv ? fromEnv
        : configuration[$"{Section}:DataDirectory"] is { Length: > 0 } fromSection ? fromSection
        : "./.flo-sandbox";
}
