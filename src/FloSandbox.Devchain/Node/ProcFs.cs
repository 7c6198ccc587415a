using System.Globalization;

namespace FloSandbox.Devchain.Node;

/// <summary>What Linux's <c>/proc</c> says about a process: enough to tell one process from a later one that got the same id.</summary>
internal static class ProcFs
{
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && Directory.Exists("/proc/self");

    /// <summary>
    /// The process's start time in clock ticks after boot (field 22 of <c>/proc/&lt;pid&gt;/stat</c>),
    /// which a recycled process id never shares with its earlier owner; null when there is no such
    /// process or it has already exited (a zombie waiting for its parent counts as exited).
    /// </summary>
    public static ulong? StartTime(int processId)
    {
        var stat = Read($"/proc/{processId}/stat");
        var close = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        // After "pid (comm) " come state (field 3) … starttime (field 22); comm may contain spaces.
        var fields = stat[(close + 2)..].Split(' ');
        return fields.Length > 19 && fields[0] is not ("Z" or "X")
            && ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;
    }

    /// <summary>The process's arguments (argv), empty when it is gone or unreadable.</summary>
    public static IReadOnlyList<string> CommandLine(int processId) =>
        Read($"/proc/{processId}/cmdline")?.Split('\0', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
