using System.Buffers;
using System.Text.Json;

namespace FloSandbox.Flo.Rpc;

/// What to do with each entry of a `/rpc` body: answer it here (invalid, refused, `eth_accounts`) or
/// forward it. The body goes to the node as sent when every entry is forwarded and the node's answers can
/// be told apart by id; otherwise only the forwarded entries go, each with its position as id, so that
/// duplicate or unusual ids still get their own answers (<see cref="RpcAnswers"/> puts the ids back).
public sealed class RpcPlan
{
    private RpcPlan(RpcBody body, IReadOnlyList<RpcReply?> replies)
    {
        Body = body;
        Replies = replies;
        Forwarded = [.. body.Calls.Where(c => replies[c.Index] is null)];
        ForwardAsSent = body.Calls.Count > 0 && Forwarded.Count == body.Calls.Count && IdsAreDistinctForTheNode(Forwarded);
    }

    public RpcBody Body { get; }

    /// Per entry (by index): the answer given here, or null when the node answers.
    public IReadOnlyList<RpcReply?> Replies { get; }

    public IReadOnlyList<RpcCall> Forwarded { get; }

    public bool ForwardAsSent { get; }

    public static RpcPlan For(RpcBody body) => new(body, [.. body.Calls.Select(Decide)]);

    public static RpcReply? Decide(RpcCall call) => call switch
    {
        { Problem: { } problem } => RpcReply.Error(RpcReply.InvalidRequest, $"Invalid request: {problem}."),
        { Method: RpcAllowList.Accounts } => RpcReply.Result("[]"),
        { Method: { } method } when !RpcAllowList.IsForwarded(method) => RpcReply.NotAllowed(method),
        { Method: RpcAllowList.SendRawTransaction } => RpcRawTransactionGuard.Check(call.Params),
        _ => null,
    };

    /// The forwarded entries as a batch whose ids are their positions in the caller's body.
    public byte[] RewrittenBody()
    {
        var buffer = new ArrayBufferWriter<byte>(256 * Forwarded.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var call in Forwarded)
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                if (!call.IsNotification)
                {
                    writer.WriteNumber("id", call.Index);
                }
                writer.WriteString("method", call.Method);
                if (call.Params is { } parameters)
                {
                    writer.WritePropertyName("params");
                    parameters.WriteTo(writer);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// Two requests the node would answer with the same id, or an id it cannot echo, need the rewrite.
    private static bool IdsAreDistinctForTheNode(IReadOnlyList<RpcCall> calls)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return calls.Where(c => !c.IsNotification).All(c => c.NodeIdKey is { } key && seen.Add(key));
    }
}
