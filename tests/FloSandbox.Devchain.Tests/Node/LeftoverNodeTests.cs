using System.Diagnostics;
using FloSandbox.Devchain.Node;
using FloSandbox.Devchain.Tests.Infrastructure;

namespace FloSandbox.Devchain.Tests.Node;

/// Nodes of a run that ended without stopping them, and nodes that must not end too early.
public sealed class LeftoverNodeTests
{
    [Fact]
    public async Task A_Start_Stops_The_Node_A_Crashed_Run_Left_On_The_Same_State_Directory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the reaper reads /proc
        }

        var options = new DevchainOptions { StateDirectory = TestPaths.NewTempDirectory() };
        // A run that crashed: its manager is never disposed, so its node is still running.
        var crashed = new AnvilProcessManager(options);
        var leftover = await crashed.StartAsync(DevchainChain.Base);
        try
        {
            await using var processes = new AnvilProcessManager(options);
            var node = await processes.StartAsync(DevchainChain.Base);

            await leftover.Exited.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(await node.IsAliveAsync());
            Assert.Equal([node.ProcessId], AnvilsUsing(options.StateDirectory));
        }
        finally
        {
            await crashed.DisposeAsync();
        }
    }

    [Fact]
    public async Task Once_Stopped_The_Nodes_Are_No_Longer_Recorded_And_The_State_Directory_Can_Be_Deleted()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        for (var run = 0; run < 5; run++)
        {
            var stateDirectory = TestPaths.NewTempDirectory();
            var processes = new AnvilProcessManager(new DevchainOptions { StateDirectory = stateDirectory });
            await Task.WhenAll(DevchainChain.All.Select(chain => processes.StartAsync(chain)));

            await processes.DisposeAsync();

            Assert.Empty(await File.ReadAllLinesAsync(Path.Combine(stateDirectory, NodeRecords.FileName)));
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_Record_Whose_Process_Id_Now_Belongs_To_Another_Process_Is_Left_Alone()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var stateDirectory = TestPaths.NewTempDirectory();
        var stateFile = Path.Combine(stateDirectory, "base.json");
        // Two processes that took over recorded ids: one started at the recorded time but is not a
        // node on our state file, one names the state file but started at another time.
        using var other = Process.Start("sleep", "30");
        using var namesTheFile = Process.Start("sh", ["-c", "sleep 30", stateFile]);
        try
        {
            await File.WriteAllLinesAsync(Path.Combine(stateDirectory, NodeRecords.FileName),
            [
                new NodeRecords.Entry(other.Id, ProcFs.StartTime(other.Id)!.Value, "base", stateFile).ToString(),
                new NodeRecords.Entry(namesTheFile.Id, ProcFs.StartTime(namesTheFile.Id)!.Value + 1, "base", stateFile).ToString(),
            ]);

            await using var processes = new AnvilProcessManager(new DevchainOptions { StateDirectory = stateDirectory });
            var node = await processes.StartAsync(DevchainChain.Base);

            Assert.True(await node.IsAliveAsync());
            Assert.False(other.HasExited);
            Assert.False(namesTheFile.HasExited);
        }
        finally
        {
            other.Kill();
            namesTheFile.Kill();
        }
    }

    [Fact]
    public async Task A_Node_Outlives_The_Thread_That_Started_It()
    {
        // Linux sends a parent-death signal when the thread that forked the child exits, not the
        // process; a node started from a short-lived thread must not die with that thread.
        await using var processes = new AnvilProcessManager(new DevchainOptions());
        AnvilNode? node = null;
        var thread = new Thread(() => node = processes.StartAsync(DevchainChain.Arbitrum).GetAwaiter().GetResult());
        thread.Start();
        thread.Join();

        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.False(node!.HasExited);
        Assert.True(await node.IsAliveAsync());
    }

    /// Process ids of running anvils whose command line names a file in <paramref name="directory"/>.
    private static int[] AnvilsUsing(string directory) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!))
            .Where(pid => IsRunningAnvil(pid) && ReadOrEmpty($"/proc/{pid}/cmdline").Split('\0').Any(a => a.StartsWith(directory, StringComparison.Ordinal)))
            .ToArray();

    private static bool IsRunningAnvil(int pid)
    {
        var stat = ReadOrEmpty($"/proc/{pid}/stat");
        return stat.Contains("(anvil) ", StringComparison.Ordinal) && stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
