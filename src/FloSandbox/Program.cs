using FloSandbox.Core;
using FloSandbox.Core.Chain;
using FloSandbox.Flo.Bridges;
using FloSandbox.Flo.Health;
using FloSandbox.Flo.Mints;
using FloSandbox.Flo.Platform;
using FloSandbox.Flo.Platform.Pipeline;
using FloSandbox.Flo.Positions;
using FloSandbox.Flo.Prices;
using FloSandbox.Flo.Redeems;
using FloSandbox.Flo.Rpc;
using FloSandbox.Flo.Sandbox;
using FloSandbox.Flo.Tokens;
using FloSandbox.Flo.Webhooks;

// Settings files live beside the binary; relative paths (the data directory) are taken from where the
// sandbox was started (`dotnet run` keeps the caller's directory, see RunWorkingDirectory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "DataDir" });
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:8080");
}
builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue($"{RequestOptions.Section}:MaxBodyBytes", new RequestOptions().MaxBodyBytes));

builder.Services.AddCore(builder.Configuration);
builder.Services.AddFloPlatform();
builder.Services.AddRpc();
builder.Services.AddTokens();
builder.Services.AddMints();
builder.Services.AddBridges();
builder.Services.AddRedeems();
builder.Services.AddPositions();
builder.Services.AddSandbox();
builder.Services.AddWebhooks();
builder.Services.AddFloOpenApi();

var app = builder.Build();
app.UseFloPlatform();
var flo = app.MapFlo();
// Everything needs an sk_test_ key unless marked anonymous here.
flo.MapOpenApi().AllowAnonymous();
flo.MapHealth().AllowAnonymous().DisableRateLimiting();
flo.MapSandbox();
flo.MapPrices();
flo.MapTokens();
flo.MapMints();
flo.MapBridges();
flo.MapRedeems();
flo.MapPositions();
flo.MapWebhooks();
flo.MapRpc().AllowAnonymous();
return await StartUp.RunAsync(app);

public partial class Program;
