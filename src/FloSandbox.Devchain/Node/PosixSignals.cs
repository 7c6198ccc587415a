using System.Runtime.InteropServices;

namespace FloSandbox.Devchain.Node;

/// <summary>SIGTERM for a clean Anvil shutdown: Anvil dumps its <c>--state</c> file on SIGTERM but not on SIGKILL.</summary>
internal static class PosixSignals
{
    private const int SigTerm = 15; // same value on Linux and macOS

    /// <summary>Sends SIGTERM; false on Windows or when the signal could not be sent.</summary>
    public static bool TryTerminate(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Kill(processId, SigTerm) == 0;
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
