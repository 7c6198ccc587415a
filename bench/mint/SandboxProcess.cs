using System.Diagnostics;
using System.Net.Sockets;

namespace FloSandbox.Mint.Bench;

/// The sandbox as users run it: the Release build in its own process, real Kestrel on a loopback port.
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;
    private bool _keepData;

    private SandboxProcess(Process process, string dataDir, Uri baseAddress)
    {
        _process = process;
        _dataDir = dataDir;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// CPU seconds used so far by the sandbox process and by its Anvil children (Linux /proc).
    public (double Sandbox, double Anvil) CpuSeconds()
    {
        var anvil = Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsDigit))
            .Select(int.Parse).Where(pid => ParentOf(pid) == _process.Id).Sum(CpuOf);
        return (CpuOf(_process.Id), anvil);
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int ParentOf(int pid) => Stat(pid) is { } f ? int.Parse(f[1]) : -1;

    private static double CpuOf(int pid) => Stat(pid) is { } f ? (long.Parse(f[11]) + long.Parse(f[12])) / 100.0 : 0;

    public int ProcessId => _process.Id;

    /// Starts the Release sandbox on a fresh data directory, or on <paramref name="dataDir"/> (a restart).
    public static async Task<SandboxProcess> StartAsync(string repoRoot, IReadOnlyDictionary<string, string> environment, string? dataDir = null)
    {
        var port = FreePort();
        dataDir ??= Directory.CreateTempSubdirectory("flo-bench-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(repoRoot, "src/FloSandbox/bin/Release/net10.0/FloSandbox.dll"), "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FLO_DATA_DIR"] = dataDir;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the sandbox");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  sandbox: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sandbox = new SandboxProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return sandbox;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        await sandbox.DisposeAsync();
        throw new TimeoutException("the sandbox did not become ready in 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public string DataDirectory => _dataDir;

    /// SIGKILL: nothing of the sandbox's own shutdown runs; its data directory is kept for a restart.
    public async Task KillHardAsync()
    {
        _keepData = true;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// Process ids of this sandbox's Anvil nodes by chain id (Linux /proc).
    public IReadOnlyDictionary<string, int> AnvilNodes() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsDigit)).Select(n => int.Parse(n!))
            .Where(pid => ParentOf(pid) == _process.Id)
            .Select(pid => (pid, args: Args(pid)))
            .Where(p => p.args.Contains("--chain-id"))
            .ToDictionary(p => p.args[Array.IndexOf(p.args, "--chain-id") + 1], p => p.pid);

    private static string[] Args(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
        }
        catch (IOException)
        {
            return [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
            if (!_process.WaitForExit(15_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (!_keepData)
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
