namespace FloSandbox.Flo.Tokens;

public static class TokensRegistration
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddSingleton<TokensService>();
        return services;
    }
}
