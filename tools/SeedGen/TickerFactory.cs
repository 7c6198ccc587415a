using System.Text;
using Bogus;

namespace FloSandbox.SeedGen;

// Picks an unused ticker that reads like the name: first letters, initials or consonants first, then random
// in-order letters of the name, and only then random letters.
internal sealed class TickerFactory(Faker faker, HashSet<string> takenTickers)
{
    public string Next(string name, int length, string suffix = "")
    {
        var letters = SignificantWords(name);
        foreach (var candidate in Candidates(letters, length))
        {
            if (TryTake(candidate + suffix))
            {
                return candidate + suffix;
            }
        }

        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var candidate = faker.Random.String2(length, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + suffix;
            if (TryTake(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Ran out of {length}-letter tickers.");
    }

    private bool TryTake(string candidate) => takenTickers.Add(candidate);

    private IEnumerable<string> Candidates(List<string> words, int length)
    {
        if (words.Count == 0)
        {
            yield break;
        }

        var first = words[0];
        if (first.Length >= length)
        {
            yield return first[..length];
        }

        var initials = new StringBuilder();
        foreach (var word in words.Take(length))
        {
            initials.Append(word[0]);
        }

        var fill = first.Length > 1 ? first[1..] : "";
        initials.Append(fill.AsSpan(0, Math.Min(fill.Length, Math.Max(0, length - initials.Length))));
        if (initials.Length == length)
        {
            yield return initials.ToString();
        }

        var consonants = first[0] + new string(first[1..].Where(c => !"AEIOU".Contains(c)).ToArray());
        if (consonants.Length >= length)
        {
            yield return consonants[..length];
        }

        var all = string.Concat(words);
        if (all.Length <= length)
        {
            yield break;
        }

        for (var attempt = 0; attempt < 40; attempt++)
        {
            var positions = faker.Random.ListItems(Enumerable.Range(1, all.Length - 1).ToList(), length - 1);
            yield return all[0] + new string(positions.Order().Select(p => all[p]).ToArray());
        }
    }

    private static List<string> SignificantWords(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => new string(word.ToUpperInvariant().Where(c => c is >= 'A' and <= 'Z').ToArray()))
            .Where(word => word.Length > 0 && !NameParts.TickerStopWords.Contains(word))
            .ToList();
}
