namespace FloSandbox.Tests.Infrastructure;

/// The sandbox behind a real Kestrel listener on a free loopback port, for tests whose point is what
/// arrives over the wire: raw percent-encoded paths, header bytes, HEAD semantics.
public sealed class KestrelSandboxFactory : SandboxFactory
{
    public KestrelSandboxFactory()
    {
        UseKestrel(0);
        StartServer();
    }
}
