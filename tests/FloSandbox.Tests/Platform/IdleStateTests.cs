using System.Globalization;
using System.Net;
using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.RateLimiting;
using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Platform;

/// A host whose real time the tests move, so idle state can age without waiting.
public sealed class HeldClockFactory : SandboxFactory
{
    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// Memory follows the keys in use: rate-limit windows, resolved keys and their tenants are dropped when
/// idle, and come back from the ledger unchanged.
public sealed class IdleStateTests(HeldClockFactory app) : IClassFixture<HeldClockFactory>
{
    [Fact]
    public async Task Idle_Keys_And_Windows_Are_Dropped_And_A_Tenant_Comes_Back_With_Its_Clock()
    {
        var registry = app.Services.GetRequiredService<TenantRegistry>();
        var windows = app.Services.GetRequiredService<RateLimitWindows>();
        var key = SandboxFactory.NewKey();
        var moved = await app.ClientFor(key).GetAsync("/v1/sandbox/tenant", ("X-Flo-Clock", "+1d"));
        ProblemAssert.IsStatus(moved, HttpStatusCode.OK);
        var movedTo = Instant(moved);
        for (var i = 0; i < 30; i++)
        {
            await app.NewTenantClient().GetAsync("/v1/tokens/AAPL");
        }
        Assert.True(registry.Cached.Keys >= 31);
        Assert.True(windows.Count >= 31);

        app.Clock.Advance(TenantRegistry.KeyIdleTime + TimeSpan.FromMinutes(1));
        var later = await app.ClientFor(key).GetAsync("/v1/sandbox/tenant");

        Assert.Equal(1, registry.Cached.Keys);
        Assert.Equal(1, windows.Count);
        Assert.Equal(movedTo + TenantRegistry.KeyIdleTime + TimeSpan.FromMinutes(1), Instant(later));
    }

    private static DateTimeOffset Instant(HttpResponseMessage response) =>
        DateTimeOffset.Parse(response.Header("X-Flo-Clock-Now"), CultureInfo.InvariantCulture);
}
