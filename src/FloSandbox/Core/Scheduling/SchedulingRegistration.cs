using FloSandbox.Core.Ledger;
using FloSandbox.Core.Outbox;

namespace FloSandbox.Core.Scheduling;

public static class SchedulingRegistration
{
    /// The outbox and the due-work runner.
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, "Scheduling:PollInterval must be positive.").ValidateOnStart();
        services.AddSingleton<ILedgerSchema, EventsSchema>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<ITenantStateOwner>(sp => sp.GetRequiredService<OutboxStore>());
        services.AddSingleton<DueWorkRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<DueWorkRunner>());
        return services;
    }
}
