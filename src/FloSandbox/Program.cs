using FloSandbox.Health;
using FloSandbox.Platform;
using FloSandbox.Platform.Pipeline;
using FloSandbox.Sandbox;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data-dir"] = "DataDir" });
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:8080");
}
builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue($"{RequestOptions.Section}:MaxBodyBytes", new RequestOptions().MaxBodyBytes));

builder.Services.AddFloPlatform(builder.Configuration);
builder.Services.AddSingleton<SandboxService>();
builder.Services.AddSingleton<IReadinessCheck, LedgerReadiness>();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseFloPlatform();
app.MapOpenApi();
app.MapHealth();
app.MapSandbox();
app.Run();

public partial class Program;
