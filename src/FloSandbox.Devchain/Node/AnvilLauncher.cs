using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FloSandbox.Devchain.Node;

/// <summary>Spawns Anvil on an OS-chosen loopback port and waits, bounded, until it serves the right chain.</summary>
internal static partial class AnvilLauncher
{
    /// <summary>Anvil's default mnemonic, passed explicitly so account 0 is always the same operator.</summary>
    public const string Mnemonic = "test test test test test test test test test test test junk";

    // records: where nodes on a state directory are recorded while they run, for the next start's reaper.
    public static async Task<AnvilNode> StartAsync(
        string binary, DevchainChain chain, DevchainOptions options, NodeRecords? records, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var stateFile = StateFileFor(chain, options.StateDirectory);
        var process = new Process { StartInfo = StartInfo(binary, chain, options, stateFile), EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new OutputTail();
        var recorded = 0;
        process.Exited += (_, _) =>
        {
            // Forgotten before Exited completes, so whoever awaited the stop sees the record gone.
            if (Interlocked.Exchange(ref recorded, 0) == 1)
            {
                records!.Remove(process.Id);
            }

            exited.TrySetResult();
        };
        try
        {
            await SpawnerThread.StartAsync(process).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new AnvilStartException($"Could not start anvil for {chain} from '{binary}': {ex.Message}", ex);
        }

        if (records is not null && stateFile is not null)
        {
            var processId = process.Id;
            records.Add(processId, chain.Name, stateFile);
            Volatile.Write(ref recorded, 1);
            if (exited.Task.IsCompleted && Interlocked.Exchange(ref recorded, 0) == 1)
            {
                records.Remove(processId); // it exited before it was recorded
            }
        }

        // Anvil logs every request to stdout (it only prints its port when not --quiet), so both
        // streams are drained for the life of the process to keep its pipes from filling up.
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, output, listening), PumpAsync(process.StandardError, output, null));

        using var deadline = new CancellationTokenSource(options.StartupTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        AnvilNode? node = null;
        try
        {
            var finished = await Task.WhenAny(listening.Task, exited.Task).WaitAsync(linked.Token).ConfigureAwait(false);
            if (finished != listening.Task)
            {
                await DrainAsync(pumps).ConfigureAwait(false);
                throw Failed(chain, binary, $"exited with code {process.ExitCode} before listening", output);
            }

            node = new AnvilNode(chain, process, await listening.Task.ConfigureAwait(false), stateFile, output, exited);
            while (!await node.IsAliveAsync(linked.Token).ConfigureAwait(false))
            {
                if (node.HasExited)
                {
                    await DrainAsync(pumps).ConfigureAwait(false);
                    throw Failed(chain, binary, $"exited with code {process.ExitCode} during start-up", output);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(10), timeProvider, linked.Token).ConfigureAwait(false);
            }

            return node;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await DiscardAsync(process, node).ConfigureAwait(false);
            throw Failed(chain, binary, $"did not answer eth_chainId with {chain.ChainId} within {options.StartupTimeout.TotalSeconds:0.#} s", output);
        }
        catch
        {
            await DiscardAsync(process, node).ConfigureAwait(false);
            throw;
        }
    }

    private static ProcessStartInfo StartInfo(string binary, DevchainChain chain, DevchainOptions options, string? stateFile)
    {
        List<string> arguments =
        [
            "--host", "127.0.0.1",
            "--port", "0",
            "--chain-id", chain.ChainId.ToString(CultureInfo.InvariantCulture),
            "--mnemonic", Mnemonic,
            "--hardfork", options.Hardfork,
            "--color", "never",
        ];
        if (options.KeptStates > 0)
        {
            arguments.AddRange(["--prune-history", options.KeptStates.ToString(CultureInfo.InvariantCulture)]);
        }

        if (stateFile is not null)
        {
            var interval = Math.Max(1, (int)Math.Ceiling(options.StateInterval.TotalSeconds));
            arguments.AddRange(["--state", stateFile, "--state-interval", interval.ToString(CultureInfo.InvariantCulture)]);
        }

        // Through setpriv where available, so the node dies with this process even on SIGKILL.
        var start = ParentDeath.StartInfo(binary, arguments);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.CreateNoWindow = true;
        return start;
    }

    private static string? StateFileFor(DevchainChain chain, string? stateDirectory)
    {
        if (string.IsNullOrWhiteSpace(stateDirectory))
        {
            return null;
        }

        Directory.CreateDirectory(stateDirectory);
        return Path.GetFullPath(Path.Combine(stateDirectory, $"{chain.Name}.json"));
    }

    private static async Task PumpAsync(StreamReader reader, OutputTail output, TaskCompletionSource<Uri>? listening)
    {
        var buffer = new char[4096];
        var pending = string.Empty;
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                output.Append(buffer.AsSpan(0, read));
                if (listening is null || listening.Task.IsCompleted)
                {
                    continue;
                }

                pending = string.Concat(pending, buffer.AsSpan(0, read));
                var match = ListeningLine().Match(pending);
                if (match.Success)
                {
                    listening.TrySetResult(new Uri($"http://{match.Groups["host"].Value}:{match.Groups["port"].Value}/"));
                    pending = string.Empty;
                }
                else if (pending.Length > 16384)
                {
                    pending = pending[^256..];
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The process went away; its exit is reported through Process.Exited.
        }
    }

    /// <summary>Exited can fire before the pumps have read the last output (the error message): wait, briefly, for end of stream.</summary>
    private static async Task DrainAsync(Task pumps)
    {
        try
        {
            await pumps.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A grandchild may hold the pipes open; report what arrived so far.
        }
    }

    private static async Task DiscardAsync(Process process, AnvilNode? node)
    {
        if (node is not null)
        {
            node.Kill();
            await node.DisposeAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        process.Dispose();
    }

    private static AnvilStartException Failed(DevchainChain chain, string binary, string what, OutputTail output)
    {
        var text = output.ToString();
        return new AnvilStartException(
            $"Anvil for {chain} ('{binary}') {what}." + (text.Length == 0 ? " It printed nothing." : $" Its output ends with:\n{text}"));
    }

    [GeneratedRegex(@"Listening on (?<host>[0-9.]+):(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
