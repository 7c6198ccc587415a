namespace FloSandbox.Flo.Platform.Pipeline;

public sealed class RequestOptions
{
    public const string Section = "Requests";

    /// Largest accepted request body; larger bodies get 413 payload_too_large.
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
