using FloSandbox.Devchain;

namespace FloSandbox.Core.Chain;

/// Runs the sandbox until it stops (the chains start inside the host, see <see cref="DevchainLifecycle"/>)
/// and says in one line why a start-up failed.
public static partial class StartUp
{
    /// 0 once the host has stopped; 1 when a signal stopped it during start-up. Start-up failures are
    /// logged in one line and rethrown.
    public static async Task<int> RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FloSandbox.StartUp");
        var stopping = app.Lifetime.ApplicationStopping; // the host's services are disposed when RunAsync throws
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStopped(logger);
            return 1;
        }
        catch (Exception ex) when (Reason(ex) is { } reason)
        {
            LogCannotStart(logger, reason);
            throw;
        }
    }

    /// The one-line reason of a start-up failure the user can act on (an invalid setting, no binary, no
    /// writable data directory, a node that would not start); null for anything else.
    private static string? Reason(Exception ex) => ex switch
    {
        AggregateException all when all.InnerExceptions.All(e => Reason(e) is not null) =>
            string.Join(" ", all.InnerExceptions.Select(e => Reason(e)).Distinct()),
        Microsoft.Extensions.Options.OptionsValidationException or DevchainException or IOException or UnauthorizedAccessException
            or System.Data.Common.DbException => ex.Message,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped during start-up")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "FloSandbox cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);
}
