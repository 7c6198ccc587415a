using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("FloSandbox.Tests.Infrastructure.SandboxTestFramework", "FloSandbox.Tests")]

namespace FloSandbox.Tests.Infrastructure;

/// xunit 2 has no assembly fixture; disposing the framework at the end of the run is the hook that
/// stops the shared sandbox host and its Anvil nodes.
public sealed class SandboxTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink), IDisposable
{
    void IDisposable.Dispose()
    {
        SandboxFactory.DisposeShared();
        Dispose();
    }
}
