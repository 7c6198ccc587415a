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

/// The parts every order list shares: the cursor check and the page cut from rows fetched one past the limit.
public static class Pages
{
    /// Refuses a `starting_after` that names no <paramref name="noun"/> of this account (400 naming the param).
    public static async Task CheckCursorAsync(this PageRequest page, Func<string, Task<bool>> exists, string noun)
    {
        if (page.StartingAfter is { } after && !await exists(after))
        {
            throw FloException.Invalid("starting_after", $"starting_after '{after}' is not a {noun} on this account.");
        }
    }

    /// The page of <paramref name="rows"/> (up to <see cref="PageRequest.Limit"/> + 1, newest first) as views; the
    /// cursor is the last view's id when more follow.
    public static ListResponse<TView> Of<TRow, TView>(IReadOnlyList<TRow> rows, PageRequest page, Func<TRow, TView> view, Func<TView, string> id)
    {
        var data = rows.Take(page.Limit).Select(view).ToList();
        var hasMore = rows.Count > page.Limit;
        return new ListResponse<TView>(data, hasMore, hasMore ? id(data[^1]) : null);
    }
}
