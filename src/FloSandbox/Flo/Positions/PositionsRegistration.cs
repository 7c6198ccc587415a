namespace FloSandbox.Flo.Positions;

public static class PositionsRegistration
{
    /// Positions: a read-only view over the holdings book.
    public static IServiceCollection AddPositions(this IServiceCollection services) => services.AddSingleton<PositionsService>();
}
