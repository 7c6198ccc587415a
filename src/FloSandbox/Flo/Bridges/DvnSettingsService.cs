using FloSandbox.Core.Tenants;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Bridges;

/// `GET/POST /v1/sandbox/dvns` (sandbox-only): which DVNs withhold their attestation, and how many extra
/// seconds the others take, for the bridges this tenant accepts afterwards.
public sealed class DvnSettingsService(DvnSettingsStore store)
{
    public const int MaxDelaySeconds = 86_400;

    public async Task<DvnSettingsView> GetAsync(TenantContext caller, CancellationToken ct) =>
        View(await store.GetAsync(caller.TenantId, ct));

    public async Task<DvnSettingsView> SetAsync(TenantContext caller, DvnSettingsRequest request)
    {
        var withheld = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, i) in (request.Withhold ?? []).Select((n, i) => (n, i)))
        {
            var dvn = Require(name, $"withhold[{i}]");
            if (!withheld.Add(dvn))
            {
                throw FloException.Invalid($"withhold[{i}]", $"'{dvn}' is listed twice in withhold.");
            }
        }
        var delays = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (delay, i) in (request.Delays ?? []).Select((d, i) => (d, i)))
        {
            var dvn = Require(delay.Dvn, $"delays[{i}].dvn");
            if (delay.Seconds is < 0 or > MaxDelaySeconds)
            {
                throw FloException.Invalid($"delays[{i}].seconds", $"delays[{i}].seconds must be from 0 to {MaxDelaySeconds}; got {delay.Seconds}.");
            }
            if (!delays.TryAdd(dvn, delay.Seconds))
            {
                throw FloException.Invalid($"delays[{i}].dvn", $"'{dvn}' has two delays.");
            }
        }
        var settings = new DvnSettings(withheld, delays);
        await store.SetAsync(caller.TenantId, settings);
        return View(settings);
    }

    private static string Require(string? name, string param) => Dvns.Canonical(name)
        ?? throw FloException.Invalid(param, $"{param} must be one of {string.Join(", ", Dvns.Names.Select(n => $"\"{n}\""))}; got \"{name}\".");

    private static DvnSettingsView View(DvnSettings settings) =>
        new([.. Dvns.Names.Select(n => new DvnSettingView(n, settings.Withheld.Contains(n), settings.DelaySeconds.GetValueOrDefault(n)))]);
}
