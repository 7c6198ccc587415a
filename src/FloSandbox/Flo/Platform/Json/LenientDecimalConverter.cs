using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FloSandbox.Flo.Platform.Json;

/// Money arrives as a JSON number (`500000`, as the SDKs send it) or as a decimal string (`"500000.00"`,
/// the wire format of every amount the API returns). Exponents, hex, blanks and thousands
/// separators are refused, and so is anything `decimal` cannot hold exactly: more than
/// <see cref="MaxDigits"/> digits between the first integer digit and the last non-zero decimal.
public sealed class LenientDecimalConverter : JsonConverter<decimal>
{
    public const int MaxDigits = 28;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType switch
        {
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.String => reader.GetString(),
            _ => null,
        };
        if (text is null || text.AsSpan().IndexOfAny('e', 'E') >= 0)
        {
            throw new JsonException("The JSON value could not be converted to System.Decimal.");
        }
        if (IsPlainDecimal(text) && SignificantDigits(text) > MaxDigits)
        {
            throw new InvalidValueException($"must have at most {MaxDigits} significant digits; amounts are never rounded on the way in");
        }
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException("The JSON value could not be converted to System.Decimal.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    /// Digits of the integer part without leading zeros, plus decimals up to the last non-zero one.
    private static int SignificantDigits(string text)
    {
        var unsigned = text.TrimStart('-', '+');
        var point = unsigned.IndexOf('.');
        var integer = (point < 0 ? unsigned : unsigned[..point]).TrimStart('0');
        var fraction = point < 0 ? "" : unsigned[(point + 1)..].TrimEnd('0');
        return integer.Length + fraction.Length;
    }

    private static bool IsPlainDecimal(string text)
    {
        var unsigned = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        return unsigned.Length > 0 && unsigned.Count(c => c == '.') <= 1 && unsigned.All(c => char.IsAsciiDigit(c) || c == '.');
    }
}

/// A JSON value of the right type that breaks a rule of the wire format; <see cref="Reason"/> completes
/// "Field 'x' …".
public sealed class InvalidValueException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}
