using System.Diagnostics;
using FloSandbox.Devchain.Node;

namespace FloSandbox.Devchain.Tests.Infrastructure;

internal static class TestPaths
{
    public static string DevchainDirectory =>
        AnvilBinary.BuiltInDevchainDirectory ?? throw new InvalidOperationException("The devchain directory is not baked into the assembly.");

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "flo-devchain-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }
}
