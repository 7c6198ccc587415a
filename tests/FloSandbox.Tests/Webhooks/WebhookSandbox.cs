using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Webhooks;

/// The host the webhook tests share. Its server is started inside the Lazy, so every client and
/// <c>Services</c> refer to one host: WebApplicationFactory creates its server lazily without a lock,
/// and two test classes touching a fresh factory at once can each build a host. Webhook tests append
/// events through <c>Services</c>, so they must reach the very host their clients talk to.
public static class WebhookSandbox
{
    private static readonly Lazy<SandboxFactory> Instance = new(() =>
    {
        var factory = new SandboxFactory();
        factory.StartServer();
        return factory;
    });

    public static SandboxFactory Shared => Instance.Value;
}
