using System.Globalization;

namespace FloSandbox.Devchain.Node;

/// <summary>
/// The nodes running on a state directory, recorded in <c>&lt;StateDirectory&gt;/anvil.pids</c> while
/// they run: one line per node with its process id, start time, chain and state file. A run that ends
/// without stopping its nodes (a SIGKILL where no parent-death signal is available, or one that landed
/// between fork and exec) leaves its lines behind, and the next start stops every recorded node that is
/// still that very process before spawning its own, so two nodes never write one state file. A line is
/// trusted only while the process with that id has the recorded start time and its command line names
/// the state file: a process id reused by anything else is never signalled.
/// </summary>
internal sealed class NodeRecords(string stateDirectory, TimeProvider timeProvider)
{
    public const string FileName = "anvil.pids";
    private static readonly TimeSpan TermGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);
    private readonly List<Entry> _running = [];
    private readonly Lock _gate = new();

    public string Path { get; } = System.IO.Path.Combine(stateDirectory, FileName);

    /// <summary>One recorded node.</summary>
    public sealed record Entry(int ProcessId, ulong StartTime, string Chain, string StateFile)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{ProcessId} {StartTime} {Chain} {StateFile}");

        public static Entry? Parse(string line)
        {
            var parts = line.Split(' ', 4);
            return parts.Length == 4
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                ? new Entry(pid, start, parts[2], parts[3])
                : null;
        }

        /// <summary>True while this very node still runs: same start time, and its arguments name the state file.</summary>
        public bool IsRunning() => ProcFs.StartTime(ProcessId) == StartTime && ProcFs.CommandLine(ProcessId).Contains(StateFile);
    }

    /// <summary>
    /// Stops every recorded node that still runs: SIGTERM (Anvil writes its state), SIGKILL after 10 s,
    /// and waits until each has exited. Throws <see cref="AnvilStartException"/> when one will not die.
    /// </summary>
    public async Task<IReadOnlyList<Entry>> ReapAsync(CancellationToken cancellationToken)
    {
        var leftovers = Read().Where(entry => entry.IsRunning()).ToList();
        foreach (var leftover in leftovers)
        {
            PosixSignals.TrySend(leftover.ProcessId, PosixSignals.SigTerm);
        }

        foreach (var leftover in leftovers)
        {
            if (!await ExitedWithinAsync(leftover, TermGrace, cancellationToken).ConfigureAwait(false))
            {
                PosixSignals.TrySend(leftover.ProcessId, PosixSignals.SigKill);
                if (!await ExitedWithinAsync(leftover, KillGrace, cancellationToken).ConfigureAwait(false))
                {
                    throw new AnvilStartException(
                        $"Anvil (pid {leftover.ProcessId}) left running by an earlier run on '{leftover.StateFile}' did not exit after SIGKILL.");
                }
            }
        }

        lock (_gate)
        {
            Write();
        }

        return leftovers;
    }

    /// <summary>Records a node that was just spawned.</summary>
    public void Add(int processId, string chain, string stateFile)
    {
        var start = ProcFs.StartTime(processId);
        if (start is null)
        {
            return; // already gone
        }

        lock (_gate)
        {
            _running.Add(new Entry(processId, start.Value, chain, stateFile));
            Write();
        }
    }

    /// <summary>Forgets a node that has exited.</summary>
    public void Remove(int processId)
    {
        lock (_gate)
        {
            // A directory deleted meanwhile is not brought back for a file that would list nothing.
            if (_running.RemoveAll(entry => entry.ProcessId == processId) > 0 && Directory.Exists(stateDirectory))
            {
                try
                {
                    Write();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The state directory went away with the node; a stale line is harmless anyway.
                }
            }
        }
    }

    private List<Entry> Read()
    {
        try
        {
            return File.ReadAllLines(Path).Select(Entry.Parse).OfType<Entry>().ToList();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Replaces the file with the nodes running now (write then rename: never a half-written file). Call under the gate.</summary>
    private void Write()
    {
        Directory.CreateDirectory(stateDirectory);
        var temporary = Path + ".tmp";
        File.WriteAllLines(temporary, _running.Select(entry => entry.ToString()));
        File.Move(temporary, Path, overwrite: true);
    }

    private async Task<bool> ExitedWithinAsync(Entry entry, TimeSpan within, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        while (entry.IsRunning())
        {
            if (timeProvider.GetElapsedTime(started) >= within)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
