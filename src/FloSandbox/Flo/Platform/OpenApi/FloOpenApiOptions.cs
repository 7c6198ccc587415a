namespace FloSandbox.Flo.Platform.OpenApi;

/// `OpenApi:ServerUrl` is the document's one `servers` entry. The default `/` is relative to wherever the
/// document was fetched from; a deployment behind a proxy can name its public URL. It never comes from the
/// request's Host header, which any client can forge.
public sealed class FloOpenApiOptions
{
    public const string Section = "OpenApi";

    public string ServerUrl { get; set; } = "/";

    public static bool IsValidServerUrl(string? url) =>
        url is { Length: > 0 } && (url.StartsWith('/')
            || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)));
}
