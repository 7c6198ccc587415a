using FloSandbox.Flo.Platform;
using FloSandbox.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace FloSandbox.Tests.Architecture;

/// Flo's pipeline runs for Flo's endpoints only, so another API's endpoints in the same process get theirs.
public sealed class FloModuleTests
{
    [Fact]
    public void Every_Mapped_Endpoint_Is_Flos_And_An_Endpoint_Of_Another_Module_Is_Not()
    {
        var endpoints = SandboxFactory.Shared.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(FloModule.Serves(With(e)), e.DisplayName));

        var other = new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/v1/other"), 0, EndpointMetadataCollection.Empty, "other API");
        Assert.False(FloModule.Serves(With(other)));
        Assert.True(FloModule.Serves(new DefaultHttpContext()));
    }

    private static DefaultHttpContext With(Endpoint endpoint)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(endpoint);
        return context;
    }
}
