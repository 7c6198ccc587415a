using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FloSandbox.Platform.Json;

/// Money arrives as a JSON number (`500000`, as the SDKs send it) or as a decimal string (`"500000.00"`,
/// the wire format of every amount the API returns). Exponents, hex, blanks and thousands
/// separators are refused.
public sealed class LenientDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
            if (raw.AsSpan().IndexOfAny("eE"u8) < 0 && reader.TryGetDecimal(out var number))
            {
                return number;
            }
        }
        else if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } s
                 && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        throw new JsonException("The JSON value could not be converted to System.Decimal.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
