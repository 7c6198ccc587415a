using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Theory]
    [InlineData("Webhooks:AttemptTimeout", "00:00:00", "Webhooks:AttemptTimeout must be positive.")]
    [InlineData("Webhooks:Workers", "0", "Webhooks:Workers must be 1–1024.")]
    [InlineData("Webhooks:ClaimLease", "00:00:05", "Webhooks:ClaimLease must be longer than Webhooks:AttemptTimeout.")]
    [InlineData("Webhooks:MaxWorkersPerTenant", "0", "Webhooks:MaxWorkersPerTenant must be 1–Webhooks:Workers (16)")]
    [InlineData("Webhooks:MaxWorkersPerTenant", "17", "Webhooks:MaxWorkersPerTenant must be 1–Webhooks:Workers (16)")]
    public void Out_Of_Range_Options_Stop_The_Sandbox_At_Start_With_The_Reason(string key, string value, string message)
    {
        using var app = new SandboxFactory(new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.StartServer());
        Assert.Contains(message, error.ToString());
    }
}
