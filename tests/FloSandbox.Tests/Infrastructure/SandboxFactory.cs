using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Infrastructure;

/// The sandbox in-process, on an in-memory ledger unless a test asks for a data directory.
public class SandboxFactory(IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// One host shared by every test that needs no special configuration; tests isolate by tenant.
    public static SandboxFactory Shared => SharedInstance.Value;

    private static readonly Lazy<SandboxFactory> SharedInstance = new(() =>
    {
        // Start the server here, under the Lazy's lock: WebApplicationFactory builds its server without
        // one, so two test classes arriving at once could otherwise build two hosts and orphan one.
        var shared = new SandboxFactory();
        shared.StartServer();
        return shared;
    });

    /// Called once at the end of the test run (see <see cref="SandboxTestFramework"/>).
    internal static void DisposeShared()
    {
        if (SharedInstance.IsValueCreated)
        {
            SharedInstance.Value.Dispose();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var defaults = new Dictionary<string, string?>
        {
            ["Ledger:InMemory"] = "true",
            ["Market:Mode"] = "open",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            defaults[key] = value;
        }
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(defaults));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestRoutes>();
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }
        });
    }

    /// Replaces the real clock when set before the host starts.
    public TimeProvider? Time { get; init; }

    /// A client acting for a brand-new tenant (a random, never-seen test key).
    public HttpClient NewTenantClient() => ClientFor(NewKey());

    public HttpClient ClientFor(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static string NewKey() => "sk_test_" + Guid.NewGuid().ToString("N");
}
