using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FloSandbox.Flo.Rpc;

/// Writes the answer to a `/rpc` body that was not forwarded as sent: one answer per request, in request
/// order, each with the caller's id verbatim; the node's answers (which carry positions as ids) slot in
/// where the entry was forwarded. Notifications get no answer, so a body of notifications has none at all.
public static class RpcAnswers
{
    // Messages read as written (no \u0027 for apostrophes); the answer is JSON, never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// The JSON to send back, or null when nothing is to be answered.
    public static byte[]? Write(RpcPlan plan, JsonDocument? nodeAnswer)
    {
        var body = plan.Body;
        var buffer = new ArrayBufferWriter<byte>(512);
        using var writer = new Utf8JsonWriter(buffer, Options);
        if (body.IsBatch && body.Calls.Count == 0)
        {
            WriteReply(writer, "null", RpcReply.Error(RpcReply.InvalidRequest, "Invalid request: an empty batch."));
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }

        var fromNode = NodeAnswers.From(nodeAnswer);
        var answered = 0;
        if (body.IsBatch)
        {
            writer.WriteStartArray();
        }
        foreach (var call in body.Calls.Where(c => !c.IsNotification))
        {
            if (plan.Replies[call.Index] is { } reply)
            {
                WriteReply(writer, call.Id!, reply);
            }
            else if (fromNode.TryGet(call.Index, out var answer))
            {
                WriteWithId(writer, call.Id!, answer);
            }
            else
            {
                WriteReply(writer, call.Id!, RpcReply.Error(RpcReply.InternalError,
                    "The devchain node gave no answer for this request" + (fromNode.BatchError is { } error ? $": {error}" : ".")));
            }
            answered++;
        }
        if (body.IsBatch)
        {
            writer.WriteEndArray();
        }
        writer.Flush();
        return answered == 0 ? null : buffer.WrittenSpan.ToArray();
    }

    private static void WriteReply(Utf8JsonWriter writer, string id, RpcReply reply)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        writer.WriteRawValue(id);
        if (reply.ResultJson is { } result)
        {
            writer.WritePropertyName("result");
            writer.WriteRawValue(result);
        }
        else
        {
            writer.WriteStartObject("error");
            writer.WriteNumber("code", reply.Code!.Value);
            writer.WriteString("message", reply.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteWithId(Utf8JsonWriter writer, string id, JsonElement answer)
    {
        writer.WriteStartObject();
        foreach (var member in answer.EnumerateObject())
        {
            if (member.NameEquals("id"))
            {
                writer.WritePropertyName("id");
                writer.WriteRawValue(id);
            }
            else
            {
                member.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }

    /// The node's answers to a rewritten batch, by position.
    private sealed class NodeAnswers
    {
        private readonly Dictionary<int, JsonElement> _byIndex = [];

        /// The node's error when it refused the batch as a whole (one error object instead of an array).
        public string? BatchError { get; private init; }

        public static NodeAnswers From(JsonDocument? document)
        {
            if (document is null)
            {
                return new NodeAnswers();
            }

            var root = document.RootElement;
            var answers = new NodeAnswers
            {
                BatchError = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) ? error.ToString() : null,
            };
            if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var answer in root.EnumerateArray())
                {
                    if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("id", out var id)
                        && id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var index))
                    {
                        answers._byIndex.TryAdd(index, answer);
                    }
                }
            }
            return answers;
        }

        public bool TryGet(int index, out JsonElement answer) => _byIndex.TryGetValue(index, out answer);
    }
}
