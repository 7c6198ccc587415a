using System.Collections.Concurrent;
using System.Diagnostics;

namespace FloSandbox.Devchain.Node;

/// <summary>
/// Starts child processes from one dedicated thread that lives as long as this process.
/// Linux sends a child's parent-death signal when the <em>thread</em> that forked it exits, not the
/// whole process, and .NET forks on the thread that calls <see cref="Process.Start()"/>. Started from
/// a thread-pool thread (which retires after some idle seconds) or any short-lived thread, Anvil would
/// be killed at a random moment. This thread never returns, so the signal fires only when the process
/// itself ends: by SIGKILL, a crash, or a normal exit after the nodes were stopped.
/// </summary>
internal static class SpawnerThread
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Requests = [];
    private static readonly Lazy<Thread> Spawner = new(() =>
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "Anvil spawner" };
        thread.Start();
        return thread;
    });

    /// <summary>Calls <see cref="Process.Start()"/> on the spawner thread; faults with what it threw.</summary>
    public static Task StartAsync(Process process)
    {
        _ = Spawner.Value;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((process, started));
        return started.Task;
    }

    private static void Run()
    {
        foreach (var (process, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.TrySetResult();
            }
            catch (Exception ex)
            {
                started.TrySetException(ex);
            }
        }
    }
}
