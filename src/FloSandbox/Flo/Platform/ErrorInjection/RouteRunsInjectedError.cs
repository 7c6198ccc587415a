namespace FloSandbox.Flo.Platform.ErrorInjection;

/// Endpoint metadata: this route produces the injected code itself, for real, instead of the middleware
/// answering with a body and changing nothing (the docs' `bridge_dvn_timeout` arrives after a real unwind).
public sealed record RouteRunsInjectedError(string Code);
