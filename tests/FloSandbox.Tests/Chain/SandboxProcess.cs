using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FloSandbox.Tests.Chain;

/// The sandbox as users run it, `dotnet FloSandbox.dll` in its own process on a loopback port, for
/// what an in-process host cannot show: a SIGKILL of the whole process.
internal sealed class SandboxProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private SandboxProcess(Process process, Uri baseAddress, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// What it printed so far (stdout and stderr).
    public string Output => string.Join("\n", _output);

    /// Starts the sandbox on <paramref name="dataDir"/> and returns once `/health/ready` answers 200.
    public static async Task<SandboxProcess> StartAsync(string dataDir, params (string Key, string Value)[] settings)
    {
        var sandbox = Launch(dataDir, settings);
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90) && !sandbox._process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return sandbox;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(50);
        }
        sandbox.Dispose();
        throw new InvalidOperationException($"the sandbox did not become ready: {sandbox.Output}");
    }

    /// Starts the sandbox on <paramref name="dataDir"/> and returns at once.
    public static SandboxProcess Launch(string dataDir, params (string Key, string Value)[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }
        start.Environment["FLO_DATA_DIR"] = dataDir;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the sandbox");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SandboxProcess(process, new Uri($"http://127.0.0.1:{port}"), output);
    }

    /// SIGTERM, as Ctrl-C or `docker stop` would send.
    public void Terminate() => ProcTable.Signal(_process.Id, ProcTable.SigTerm);

    /// The exit code once it has exited within <paramref name="within"/>, else null.
    public async Task<int?> ExitCodeAsync(TimeSpan within)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(within);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// SIGKILL: the process ends at once, without running any of its own shutdown code.
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// SIGTERM and wait, as `docker stop` does: the sandbox stops its nodes and writes chain state.
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            ProcTable.Signal(_process.Id, ProcTable.SigTerm);
            if (!_process.WaitForExit(30_000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.WaitForExit();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
