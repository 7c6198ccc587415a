using FloSandbox.Flo.Webhooks;
using FloSandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FloSandbox.Tests.Webhooks;

/// A sandbox whose attempt sender reads a fake clock: an attempt's timeout and latency move only when a
/// test advances <see cref="AttemptClock"/>, so a hanging receiver hangs until the test says otherwise.
/// Everything else (tenant clocks, claiming, polling) runs on real time.
public sealed class AttemptClockFactory : SandboxFactory
{
    public AttemptClockFactory()
    {
    }

    private AttemptClockFactory(IDictionary<string, string?> settings)
        : base(settings)
    {
    }

    public static AttemptClockFactory With(IDictionary<string, string?> settings) => new(settings);

    /// Starts at real now, so signature timestamps stay within the receivers' 300-second window.
    public FakeTimeProvider AttemptClock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(sp => new AttemptSender(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<WebhookOptions>>(), AttemptClock)));
    }
}
