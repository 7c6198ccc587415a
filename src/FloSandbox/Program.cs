using FloSandbox.Chain;
using FloSandbox.Health;
using FloSandbox.Market;
using FloSandbox.Mints;
using FloSandbox.Positions;
using FloSandbox.Platform;
using FloSandbox.Platform.Pipeline;
using FloSandbox.Prices;
using FloSandbox.Sandbox;
using FloSandbox.Scheduling;
using FloSandbox.Tokens;
using FloSandbox.Webhooks;
using Microsoft.AspNetCore.RateLimiting;

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

builder.Services.AddFloPlatform(builder.Configuration);
builder.Services.AddChain(builder.Configuration);
builder.Services.AddScheduling();
builder.Services.AddMarket();
builder.Services.AddPrices();
builder.Services.AddTokens();
builder.Services.AddMints();
builder.Services.AddSandbox();
builder.Services.AddWebhooks();
builder.Services.AddFloOpenApi();

var app = builder.Build();
app.UseFloPlatform();
// Everything needs an sk_test_ key unless marked anonymous here.
app.MapOpenApi().AllowAnonymous();
app.MapHealth().AllowAnonymous().DisableRateLimiting();
app.MapSandbox();
app.MapPrices();
app.MapTokens();
app.MapMints();
app.MapPositions();
app.MapWebhooks();
app.MapRpc().AllowAnonymous();
return await StartUp.RunAsync(app);

public partial class Program;
