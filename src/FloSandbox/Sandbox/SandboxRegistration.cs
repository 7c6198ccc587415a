using FloSandbox.Health;

namespace FloSandbox.Sandbox;

public static class SandboxRegistration
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxService>();
        services.AddSingleton<IReadinessCheck, LedgerReadiness>();
        return services;
    }
}
