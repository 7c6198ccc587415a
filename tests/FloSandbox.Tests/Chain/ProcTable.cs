using System.Runtime.InteropServices;

namespace FloSandbox.Tests.Chain;

/// Linux's process table (/proc), to see a process's children and whether they still run.
internal static class ProcTable
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// One running process: its id, parent, command name and start time (clock ticks after boot).
    public sealed record Entry(int Pid, int ParentPid, string Name, char State, ulong StartTime);

    public static IReadOnlyList<Entry> All() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => Read(int.Parse(name!)))
            .OfType<Entry>()
            .ToList();

    public static Entry? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        var fields = text[(close + 2)..].Split(' ');
        return new Entry(pid, int.Parse(fields[1]), text[(open + 1)..close], fields[0][0], ulong.Parse(fields[19]));
    }

    /// The command line's arguments, or empty when the process is gone.
    public static IReadOnlyList<string> CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// True while the very process of <paramref name="entry"/> runs (not a zombie, and its pid not reused).
    public static bool IsRunning(Entry entry) =>
        Read(entry.Pid) is { } now && now.StartTime == entry.StartTime && now.State is not ('Z' or 'X');

    /// Anvil processes whose command line names a file under <paramref name="directory"/>.
    public static IReadOnlyList<Entry> AnvilsUsing(string directory) =>
        All().Where(e => e.Name == "anvil" && e.State is not ('Z' or 'X') && CommandLine(e.Pid).Any(a => a.StartsWith(directory, StringComparison.Ordinal))).ToList();

    /// Polls until none of <paramref name="entries"/> runs, or the time is up; returns those still running.
    public static async Task<IReadOnlyList<Entry>> RunningAfterAsync(IEnumerable<Entry> entries, TimeSpan within)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<Entry> running;
        while ((running = entries.Where(IsRunning).ToList()).Count > 0 && waited.Elapsed < within)
        {
            await Task.Delay(50);
        }
        return running;
    }

    public static void Signal(int pid, int signal) => _ = Kill(pid, signal);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
