using FloSandbox.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FloSandbox.Tests.Chain;

public sealed class StartUpTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-startup-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Devchain:StateInterval", "00:00:00", "StateInterval")]
    [InlineData("Requests:MaxBodyBytes", "0", "MaxBodyBytes")]
    [InlineData("Scheduling:PollInterval", "00:00:00", "PollInterval")]
    public void An_Invalid_Option_Fails_Start_Up_Before_Any_Chain_Starts(string key, string value, string named)
    {
        using var broken = new SandboxFactory(new Dictionary<string, string?>
        {
            [key] = value,
            // Resolving the anvil binary is the first step of starting a chain: were it taken, this would fail it.
            ["Devchain:AnvilPath"] = "/nonexistent/anvil-never-resolved",
        });

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        var all = Flatten(error).ToList();
        Assert.Contains(all, e => e is OptionsValidationException && e.Message.Contains(named, StringComparison.Ordinal));
        Assert.DoesNotContain(all, e => e.Message.Contains("anvil-never-resolved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Sigterm_During_Start_Up_Stops_The_Nodes_Spawned_So_Far_And_Exits()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // reads /proc
        }

        // Nodes that never answer hold the sandbox in its chain start-up for as long as the test needs.
        Directory.CreateDirectory(_dataDir);
        var silent = Path.Combine(_dataDir, "silent-anvil");
        await File.WriteAllTextAsync(silent, "#!/bin/sh\nexec sleep 120\n");
        File.SetUnixFileMode(silent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var sandbox = SandboxProcess.Launch(_dataDir,
            ("Devchain:AnvilPath", silent), ("Devchain:StartupTimeout", "00:02:00"), ("Logging:LogLevel:FloSandbox.StartUp", "Information"));
        var nodes = await SpawnedAsync(sandbox, "sleep", count: 3);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/health/live")); // not listening before the chains are up

        sandbox.Terminate();

        Assert.Equal(1, await sandbox.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("Stopped during start-up", sandbox.Output);
        Assert.Empty(await ProcTable.RunningAfterAsync(nodes, TimeSpan.FromSeconds(5)));
    }

    private static async Task<IReadOnlyList<ProcTable.Entry>> SpawnedAsync(SandboxProcess sandbox, string name, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var children = ProcTable.All().Where(e => e.ParentPid == sandbox.Id && e.Name == name).ToList();
            if (children.Count >= count)
            {
                return children;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"the sandbox did not spawn {count} {name}: {sandbox.Output}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        var inner = e is AggregateException all ? all.InnerExceptions : e.InnerException is { } one ? [one] : [];
        foreach (var child in inner.SelectMany(Flatten))
        {
            yield return child;
        }
    }
}
