namespace FloSandbox.Tests.Chain;

/// The sandbox killed with SIGKILL, for real: nothing of its own code runs, so only the operating
/// system can take its Anvil nodes down with it.
public sealed class SandboxCrashTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "flo-crash-" + Guid.NewGuid().ToString("N"));

    private string ChainsDir => Path.Combine(_dataDir, "chains");

    [Fact]
    public async Task A_Sigkill_Of_The_Sandbox_Takes_Its_Anvil_Nodes_With_It_And_A_Restart_Runs_Three_Nodes_Again()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // reads /proc
        }

        // State written every second: a node that survived its sandbox would keep rewriting its file.
        var everySecond = ("Devchain:StateInterval", "00:00:01");
        var sandbox = await SandboxProcess.StartAsync(_dataDir, everySecond);
        var nodes = ProcTable.All().Where(e => e.ParentPid == sandbox.Id && e.Name == "anvil").ToList();
        Assert.Equal(3, nodes.Count);

        sandbox.KillHard();
        sandbox.Dispose();

        Assert.Empty(await ProcTable.RunningAfterAsync(nodes, TimeSpan.FromSeconds(5)));
        var written = StateFiles();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(written, StateFiles());

        using var again = await SandboxProcess.StartAsync(_dataDir, everySecond);
        var running = ProcTable.AnvilsUsing(ChainsDir);
        Assert.Equal(3, running.Count);
        Assert.All(running, node => Assert.Equal(again.Id, node.ParentPid));
    }

    private string StateFiles() => string.Join("\n", Directory.EnumerateFiles(ChainsDir, "*.json").Order()
        .Select(f => new FileInfo(f)).Select(f => $"{f.Name} {f.Length} {f.LastWriteTimeUtc:O}"));

    public void Dispose()
    {
        if (OperatingSystem.IsLinux())
        {
            // Nodes left behind by a failed assertion: they name this test's own data directory.
            foreach (var node in ProcTable.AnvilsUsing(_dataDir))
            {
                ProcTable.Signal(node.Pid, ProcTable.SigKill);
            }
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
