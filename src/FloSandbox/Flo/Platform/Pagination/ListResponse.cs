using System.Globalization;
using FloSandbox.Flo.Platform.Errors;

namespace FloSandbox.Flo.Platform.Pagination;

/// The list envelope of every list endpoint.
public sealed record ListResponse<T>(IReadOnlyList<T> Data, bool HasMore, string? NextCursor)
{
    public string Object => "list";
}

/// `limit` (1–100, default 10) and `starting_after` (the id of the last item of the previous page).
public sealed record PageRequest(int Limit, string? StartingAfter)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static PageRequest Parse(string? limit, string? startingAfter)
    {
        var parsed = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsed) || parsed is < 1 or > MaxLimit))
        {
            throw FloException.Invalid("limit", $"limit must be an integer from 1 to {MaxLimit}; got '{limit}'.");
        }
        if (startingAfter is { Length: 0 })
        {
            throw FloException.Invalid("starting_after", "starting_after must not be empty.");
        }
        return new PageRequest(parsed, startingAfter);
    }
}
