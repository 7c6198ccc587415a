using System.Runtime.InteropServices;
using FloSandbox.Devchain;

namespace FloSandbox.Chain;

/// The chains start before the host runs, and the host only handles Ctrl-C and SIGTERM once it runs.
/// Until then (and after: several handlers may coexist) a signal cancels the chain start-up, stopping
/// the nodes already spawned, and asks the host to stop, instead of killing the process under its
/// Anvil nodes. A start-up that cannot succeed says why in one line.
public sealed partial class StartUp : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _interrupt;
    private readonly WebApplication _app;

    public StartUp(WebApplication app)
    {
        _app = app;
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
        _app.Lifetime.StopApplication();
    }

    /// True when the chains are up; false when a signal cancelled the start-up. Failures are logged and rethrown.
    public async Task<bool> StartChainsAsync()
    {
        var logger = _app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FloSandbox.StartUp");
        try
        {
            await _app.Services.StartChainAsync(_stop.Token);
            return true;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            LogStopped(logger);
            await _app.Services.GetRequiredService<DevchainHost>().DisposeAsync();
            return false;
        }
        catch (Exception ex) when (Reason(ex) is { } reason)
        {
            LogCannotStart(logger, reason);
            await _app.Services.GetRequiredService<DevchainHost>().DisposeAsync();
            throw;
        }
    }

    /// The one-line reason of a start-up failure the user can act on (no binary, no writable data
    /// directory, a node that would not start); null for anything else.
    private static string? Reason(Exception ex) => ex switch
    {
        AggregateException all when all.InnerExceptions.All(e => Reason(e) is not null) =>
            string.Join(" ", all.InnerExceptions.Select(e => Reason(e)).Distinct()),
        DevchainException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException => ex.Message,
        _ => null,
    };

    public void Dispose()
    {
        _term.Dispose();
        _interrupt.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped during start-up")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "FloSandbox cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
