using System.Reflection;
using System.Runtime.InteropServices;

namespace FloSandbox.Devchain.Node;

/// <summary>
/// Finds the anvil executable: a configured path, else the platform package that npm installed under
/// <c>devchain/node_modules/@foundry-rs/anvil-&lt;os&gt;-&lt;arch&gt;/bin</c>, else the
/// <c>node_modules/.bin/anvil</c> wrapper, else <c>anvil</c> on the PATH.
/// </summary>
public static class AnvilBinary
{
    /// <summary>Assembly metadata key holding the repo's devchain folder, baked in at build time.</summary>
    public const string DirectoryMetadataKey = "FloSandbox.Devchain.Directory";

    /// <summary>The devchain folder baked into this assembly at build time, if any.</summary>
    public static string? BuiltInDevchainDirectory { get; } = typeof(AnvilBinary).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == DirectoryMetadataKey)?.Value;

    /// <summary>Resolves the executable or throws <see cref="AnvilStartException"/> listing every place searched.</summary>
    /// <param name="configuredPath"><c>Devchain:AnvilPath</c>; wins when set, and must then exist.</param>
    /// <param name="devchainDirectory"><c>Devchain:DevchainDirectory</c>; defaults to <see cref="BuiltInDevchainDirectory"/>.</param>
    public static string Resolve(string? configuredPath, string? devchainDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath)
                ? Path.GetFullPath(configuredPath)
                : throw new AnvilStartException($"The configured anvil binary (Devchain:AnvilPath) does not exist: '{configuredPath}'.");
        }

        var candidates = Candidates(devchainDirectory ?? BuiltInDevchainDirectory);
        return candidates.FirstOrDefault(File.Exists) ?? throw new AnvilStartException(
            "Anvil binary not found. Run 'npm ci' in the repo's devchain folder (dotnet build does it on a fresh clone), " +
            "or set Devchain:AnvilPath. Searched: " + string.Join(", ", candidates));
    }

    /// <summary>The locations searched when no path is configured, in order.</summary>
    public static IReadOnlyList<string> Candidates(string? devchainDirectory)
    {
        var executable = OperatingSystem.IsWindows() ? "anvil.exe" : "anvil";
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(devchainDirectory))
        {
            var modules = Path.Combine(devchainDirectory, "node_modules");
            if (PlatformPackage() is { } package)
            {
                candidates.Add(Path.Combine(modules, "@foundry-rs", package, "bin", executable));
            }

            // The wrapper needs node and forwards signals to the real binary; a fallback only.
            candidates.Add(Path.Combine(modules, ".bin", OperatingSystem.IsWindows() ? "anvil.cmd" : "anvil"));
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        candidates.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, executable)));
        return candidates;
    }

    private static string? PlatformPackage()
    {
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        var os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsWindows() ? "win32" : null;
        return arch is null || os is null ? null : $"anvil-{os}-{arch}";
    }
}
