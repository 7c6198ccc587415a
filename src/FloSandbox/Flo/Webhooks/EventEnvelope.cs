using System.Text;
using System.Text.Json;

namespace FloSandbox.Flo.Webhooks;

/// The delivered body: `{"id":"evt_…","object":"event","type":…,"created":<unix s, tenant clock>,"data":<resource>}`.
/// Built once per delivery and sent byte for byte on every attempt.
public static class EventEnvelope
{
    public static string Build(string eventId, string type, long createdMs, string dataJson)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("id", eventId);
            json.WriteString("object", "event");
            json.WriteString("type", type);
            json.WriteNumber("created", DateTimeOffset.FromUnixTimeMilliseconds(createdMs).ToUnixTimeSeconds());
            json.WritePropertyName("data");
            json.WriteRawValue(dataJson);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
