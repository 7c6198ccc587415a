using System.ComponentModel.DataAnnotations;

namespace FloSandbox.Flo.Platform.RateLimiting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// Requests per second per key (the sandbox's documented soft cap by default).
    [Range(1, int.MaxValue)]
    public int RequestsPerSecond { get; set; } = 10_000;
}
