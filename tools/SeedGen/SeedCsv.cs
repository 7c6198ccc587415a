using System.Text;

namespace FloSandbox.SeedGen;

// RFC 4180 writer for the token seed: LF line ends, UTF-8 without BOM, quotes only where needed.
public static class SeedCsv
{
    public const string Header = "ticker,name,asset_class,fractional,venue,spv_id,cusip";

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string Write(IEnumerable<SeedToken> tokens)
    {
        var text = new StringBuilder(capacity: 700_000);
        text.Append(Header).Append('\n');
        foreach (var token in tokens)
        {
            text.Append(token.Ticker).Append(',')
                .Append(Quote(token.Name)).Append(',')
                .Append(token.AssetClass).Append(',')
                .Append(token.Fractional ? "true" : "false").Append(',')
                .Append(Quote(token.Venue)).Append(',')
                .Append(token.SpvId).Append(',')
                .Append(token.Cusip).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";
}
