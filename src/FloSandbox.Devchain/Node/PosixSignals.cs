using System.Runtime.InteropServices;

namespace FloSandbox.Devchain.Node;

/// <summary>
/// SIGTERM for a clean Anvil shutdown (Anvil dumps its <c>--state</c> file on SIGTERM but not on
/// SIGKILL), and SIGKILL for a process that is not our child (a node left by a crashed run).
/// </summary>
internal static class PosixSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15; // same values on Linux and macOS

    /// <summary>Sends SIGTERM; false on Windows or when the signal could not be sent.</summary>
    public static bool TryTerminate(int processId) => TrySend(processId, SigTerm);

    /// <summary>Sends <paramref name="signal"/>; false on Windows or when it could not be sent.</summary>
    public static bool TrySend(int processId, int signal)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Kill(processId, signal) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks for the whole assembly.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
