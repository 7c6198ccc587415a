namespace FloSandbox.Flo.Mints;

public sealed class MintOptions
{
    public const string Section = "Mints";

    /// How long `POST /v1/mint` waits for the settlement it started before answering with the mint as it
    /// stands (`filled`); the settlement goes on either way.
    public TimeSpan InlineWait { get; set; } = TimeSpan.FromSeconds(5);
}
