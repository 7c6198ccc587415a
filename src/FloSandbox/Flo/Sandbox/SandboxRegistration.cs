namespace FloSandbox.Flo.Sandbox;

public static class SandboxRegistration
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxService>();
        return services;
    }
}
