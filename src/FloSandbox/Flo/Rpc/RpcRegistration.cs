namespace FloSandbox.Flo.Rpc;

public static class RpcRegistration
{
    /// `/rpc/{chain}`'s forwarder.
    public static IServiceCollection AddRpc(this IServiceCollection services)
    {
        services.AddHttpForwarder();
        services.AddSingleton<RpcForwarder>();
        return services;
    }
}
