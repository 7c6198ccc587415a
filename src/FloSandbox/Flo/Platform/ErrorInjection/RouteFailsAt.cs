namespace FloSandbox.Flo.Platform.ErrorInjection;

/// Endpoint metadata: the route reads `X-Flo-Fail-At` (sandbox-only), which makes a later step of the order it
/// accepts fail for real; <paramref name="Pattern"/> is what the header accepts, for the OpenAPI document.
public sealed record RouteFailsAt(string Pattern, string Description)
{
    public const string Header = "X-Flo-Fail-At";
}
