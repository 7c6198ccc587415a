using System.Diagnostics;

namespace FloSandbox.Devchain.Node;

/// <summary>
/// Ties a child process's life to this process on Linux: util-linux's <c>setpriv --pdeathsig KILL</c>
/// sets <c>PR_SET_PDEATHSIG</c> and then execs the real program, so the child keeps its process id
/// (SIGTERM still reaches Anvil itself) and the kernel kills it when its parent dies, even by SIGKILL.
/// Where setpriv is missing (macOS, a minimal image) children run unprotected and the start-up reaper
/// (<see cref="NodeRecords"/>) stops what a crashed run left behind.
/// </summary>
internal static class ParentDeath
{
    private static readonly Lazy<string?> Setpriv = new(FindSetpriv);

    /// <summary>True when spawned children die with this process.</summary>
    public static bool IsAvailable => Setpriv.Value is not null;

    /// <summary>A start of <paramref name="program"/> with <paramref name="arguments"/>, through setpriv when available.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Setpriv.Value ?? program);
        if (Setpriv.Value is not null)
        {
            foreach (var argument in new[] { "--pdeathsig", "KILL", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>setpriv if it exists and knows <c>--pdeathsig</c> (util-linux 2.33 and later).</summary>
    private static string? FindSetpriv()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/bin")
            .Select(dir => Path.Combine(dir, "setpriv"))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }

        try
        {
            var probe = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "--pdeathsig", "KILL", "--", "true" })
            {
                probe.ArgumentList.Add(argument);
            }

            using var process = Process.Start(probe);
            return process is not null && process.WaitForExit(5_000) && process.ExitCode == 0 ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
