using FloSandbox.Flo.Platform.Errors;
using FloSandbox.Flo.Platform.Events;

namespace FloSandbox.Flo.Webhooks;

/// What a subscription may listen to: exact event names from the catalog, a family glob (`mint.*`), or `*`.
public static class EventPatterns
{
    public const string Everything = "*";
    public const int MaxPatterns = 64;

    public static readonly IReadOnlyList<string> Valid = [Everything, .. EventTypes.Families.Select(f => f + ".*"), .. EventTypes.All];

    /// Validates and de-duplicates the requested patterns, keeping their order.
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> events)
    {
        if (events.Count == 0)
        {
            throw Invalid("events must name at least one event type or family glob");
        }
        if (events.Count > MaxPatterns)
        {
            throw Invalid($"events may hold at most {MaxPatterns} entries; got {events.Count}");
        }
        var unknown = events.Where(e => !Valid.Contains(e, StringComparer.Ordinal)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            throw Invalid($"Unknown event type(s): {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
        }
        return [.. events.Distinct(StringComparer.Ordinal)];
    }

    public static bool Matches(IEnumerable<string> patterns, string type)
    {
        foreach (var pattern in patterns)
        {
            if (pattern == Everything || pattern == type
                || (pattern.EndsWith(".*", StringComparison.Ordinal) && type.Length > pattern.Length - 1
                    && type.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    private static FloException Invalid(string problem) => new(FloError.Of(FloErrorCatalog.InvalidRequest,
        $"{problem}. Valid values: {string.Join(", ", Valid)}.", ("param", "events"), ("valid_events", Valid)));
}
