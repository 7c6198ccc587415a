namespace FloSandbox.Core.Market;

// Strict reader for seed-data/tokens.csv (RFC 4180; see seed-data/README.md).
internal static class TokenCsvReader
{
    public const string Header = "ticker,name,asset_class,fractional,venue,spv_id,cusip";
    private const int FieldCount = 7;

    public static List<TokenInfo> Read(TextReader reader)
    {
        if (reader.ReadLine() != Header)
        {
            throw new InvalidDataException($"tokens.csv must start with the header '{Header}'.");
        }

        var tokens = new List<TokenInfo>(capacity: 8_192);
        var fields = new string[FieldCount];
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            Split(line, fields, lineNumber);
            tokens.Add(ToToken(fields, lineNumber));
        }

        return tokens;
    }

    private static TokenInfo ToToken(string[] f, int lineNumber)
    {
        if (!IsTicker(f[0]))
        {
            throw Invalid(lineNumber, $"ticker '{f[0]}' is not 1-5 upper-case letters");
        }

        if (!AssetClasses.TryParse(f[2], out var assetClass))
        {
            throw Invalid(lineNumber, $"unknown asset_class '{f[2]}'");
        }

        var fractional = f[3] switch
        {
            "true" => true,
            "false" => false,
            _ => throw Invalid(lineNumber, $"fractional must be true or false, not '{f[3]}'"),
        };

        if (!Venues.IsKnown(f[4]))
        {
            throw Invalid(lineNumber, $"unknown venue '{f[4]}'");
        }

        if (f[1].Length == 0 || f[5].Length == 0 || f[6].Length != 9)
        {
            throw Invalid(lineNumber, "name, spv_id and a 9-character cusip are required");
        }

        return new TokenInfo(f[0], f[1], assetClass, fractional, f[4], f[5], f[6]);
    }

    private static void Split(string line, string[] fields, int lineNumber)
    {
        var position = 0;
        for (var index = 0; index < FieldCount; index++)
        {
            if (position > line.Length)
            {
                throw Invalid(lineNumber, $"expected {FieldCount} fields");
            }

            fields[index] = position < line.Length && line[position] == '"'
                ? ReadQuoted(line, ref position, lineNumber)
                : ReadPlain(line, ref position);
        }

        if (position <= line.Length)
        {
            throw Invalid(lineNumber, $"more than {FieldCount} fields");
        }
    }

    private static string ReadPlain(string line, ref int position)
    {
        var comma = line.IndexOf(',', position);
        var end = comma < 0 ? line.Length : comma;
        var field = line[position..end];
        position = end + 1;
        return field;
    }

    private static string ReadQuoted(string line, ref int position, int lineNumber)
    {
        var text = new System.Text.StringBuilder();
        var i = position + 1;
        while (true)
        {
            var quote = line.IndexOf('"', i);
            if (quote < 0)
            {
                throw Invalid(lineNumber, "unterminated quoted field");
            }

            text.Append(line, i, quote - i);
            if (quote + 1 < line.Length && line[quote + 1] == '"')
            {
                text.Append('"');
                i = quote + 2;
                continue;
            }

            if (quote + 1 < line.Length && line[quote + 1] != ',')
            {
                throw Invalid(lineNumber, "text after a closing quote");
            }

            position = quote + 2;
            return text.ToString();
        }
    }

    private static bool IsTicker(string ticker) =>
        ticker.Length is >= 1 and <= 5 && ticker.AsSpan().IndexOfAnyExceptInRange('A', 'Z') < 0;

    private static InvalidDataException Invalid(int lineNumber, string problem) =>
        new($"tokens.csv line {lineNumber}: {problem}.");
}
