using System.Globalization;
using System.Net;
using System.Text;
using FloSandbox.Tests.Infrastructure;

namespace FloSandbox.Tests.Platform;

/// Walks every documented route without a key, spelled every way a path can be spelled: the answer is
/// always 401 (the route needs a key) or 404 (no such route), never the route running.
public sealed class RouteWalkTests(KestrelSandboxFactory app) : IClassFixture<KestrelSandboxFactory>
{
    private readonly SandboxFactory _app = app;

    [Fact]
    public async Task Every_Route_Spelled_Any_Way_Needs_A_Key()
    {
        var routes = (await ApiRoute.AllAsync(_app)).Where(r => r.Template.StartsWith("/v1/", StringComparison.Ordinal)).ToList();
        Assert.True(routes.Count >= 15, $"Only {routes.Count} routes in the document.");
        var client = _app.CreateClient();
        var origin = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var path in Spellings(route.Path()))
            {
                var request = new HttpRequestMessage(new HttpMethod(route.Method),
                    new Uri(origin + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
                if (route.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("""{"chain":"base","currency":"USDT","amount":1}""", Encoding.UTF8, "application/json");
                }
                var response = await client.SendAsync(request);
                if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.NotFound))
                {
                    failures.Add($"{route.Method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// The path as written, upper-cased, in alternating case, with a trailing slash, doubled slashes,
    /// and with its letters percent-encoded (one, then all).
    private static IEnumerable<string> Spellings(string path)
    {
        yield return path;
        yield return path.ToUpperInvariant();
        yield return new string([.. path.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c)]);
        yield return path + "/";
        yield return path.ToUpperInvariant() + "/";
        yield return path.Replace("/", "//", StringComparison.Ordinal);
        yield return "/%76" + path[2..];
        yield return "/%56" + path[2..];
        yield return string.Concat(path.Select(c => char.IsAsciiLetter(c) ? "%" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : c.ToString()));
        yield return "/" + path[1..].Replace("/", "%2F", StringComparison.Ordinal);
    }
}
