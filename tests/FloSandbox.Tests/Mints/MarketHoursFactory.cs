using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Mints;

/// A sandbox on real NYSE hours (Market:Mode=auto), for the queued and closed-market paths.
public sealed class MarketHoursFactory() : SandboxFactory(new Dictionary<string, string?> { ["Market:Mode"] = "auto" });
