using System.Numerics;
using System.Text.Json;
using FloSandbox.Devchain.Encoding;

namespace FloSandbox.Devchain.Rpc;

/// <summary>Hand-written JSON for the hot path: no reflection, no intermediate object graphs.</summary>
internal static class RpcJson
{
    public static void WriteRequest(Utf8JsonWriter writer, long id, string method, IReadOnlyList<object?>? parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WriteNumber("id"u8, id);
        writer.WriteString("method"u8, method);
        writer.WriteStartArray("params"u8);
        if (parameters is not null)
        {
            foreach (var parameter in parameters)
            {
                WriteValue(writer, parameter);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case EvmAddress a: writer.WriteStringValue(a.ToLowerHex()); break;
            case byte[] bytes: writer.WriteStringValue(Hex.Encode(bytes)); break;
            case TransactionRequest tx: WriteTransaction(writer, tx); break;
            case LogFilter filter: WriteFilter(writer, filter); break;
            case JsonElement element: element.WriteTo(writer); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
        }
    }

    private static void WriteTransaction(Utf8JsonWriter writer, TransactionRequest tx)
    {
        writer.WriteStartObject();
        if (tx.From is { } from) writer.WriteString("from"u8, from.ToLowerHex());
        if (tx.To is { } to) writer.WriteString("to"u8, to.ToLowerHex());
        if (tx.Data is { } data) writer.WriteString("data"u8, Hex.Encode(data));
        if (tx.Value is { } value) writer.WriteString("value"u8, Hex.EncodeQuantity(value));
        if (tx.Gas is { } gas) writer.WriteString("gas"u8, Hex.EncodeQuantity(gas));
        if (tx.Nonce is { } nonce) writer.WriteString("nonce"u8, Hex.EncodeQuantity(nonce));
        if (tx.GasPrice is { } gasPrice) writer.WriteString("gasPrice"u8, Hex.EncodeQuantity(gasPrice));
        writer.WriteEndObject();
    }

    private static void WriteFilter(Utf8JsonWriter writer, LogFilter filter)
    {
        writer.WriteStartObject();
        writer.WriteString("fromBlock"u8, filter.FromBlock);
        writer.WriteString("toBlock"u8, filter.ToBlock);
        if (filter.Addresses is { Count: > 0 } addresses)
        {
            writer.WriteStartArray("address"u8);
            foreach (var address in addresses) writer.WriteStringValue(address.ToLowerHex());
            writer.WriteEndArray();
        }

        if (filter.Topics is { Count: > 0 } topics)
        {
            writer.WriteStartArray("topics"u8);
            foreach (var topic in topics) writer.WriteStringValue(topic);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>A state override set that only replaces code: <c>{"0x…": {"code": "0x…"}}</c>.</summary>
    public static JsonElement CodeOverrides(IReadOnlyDictionary<EvmAddress, byte[]> code)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (address, runtime) in code)
            {
                writer.WriteStartObject(address.ToLowerHex());
                writer.WriteString("code"u8, Hex.Encode(runtime));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public static string GetString(JsonElement element) =>
        element.GetString() ?? throw new FormatException("Expected a JSON string, got null.");

    public static ulong GetUInt64(JsonElement element) => Hex.DecodeQuantityUInt64(GetString(element));

    public static BigInteger GetBigInteger(JsonElement element) => Hex.DecodeQuantity(GetString(element));

    public static byte[] GetBytes(JsonElement element) => Hex.Decode(GetString(element));

    public static EvmAddress? GetOptionalAddress(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? EvmAddress.Parse(value.GetString()!)
            : null;

    public static TransactionReceipt ParseReceipt(JsonElement receipt)
    {
        var logs = receipt.GetProperty("logs");
        var parsedLogs = new LogEntry[logs.GetArrayLength()];
        var index = 0;
        foreach (var log in logs.EnumerateArray())
        {
            parsedLogs[index++] = ParseLog(log);
        }

        return new TransactionReceipt(
            GetString(receipt.GetProperty("transactionHash")),
            GetUInt64(receipt.GetProperty("blockNumber")),
            GetString(receipt.GetProperty("blockHash")),
            EvmAddress.Parse(GetString(receipt.GetProperty("from"))),
            GetOptionalAddress(receipt, "to"),
            GetOptionalAddress(receipt, "contractAddress"),
            GetUInt64(receipt.GetProperty("status")) == 1,
            GetUInt64(receipt.GetProperty("gasUsed")),
            receipt.TryGetProperty("effectiveGasPrice", out var price) ? GetBigInteger(price) : BigInteger.Zero,
            parsedLogs);
    }

    public static LogEntry ParseLog(JsonElement log)
    {
        var topics = log.GetProperty("topics");
        var parsedTopics = new string[topics.GetArrayLength()];
        var index = 0;
        foreach (var topic in topics.EnumerateArray())
        {
            parsedTopics[index++] = GetString(topic);
        }

        return new LogEntry(
            EvmAddress.Parse(GetString(log.GetProperty("address"))),
            parsedTopics,
            GetBytes(log.GetProperty("data")),
            log.TryGetProperty("blockNumber", out var block) && block.ValueKind == JsonValueKind.String ? GetUInt64(block) : 0,
            log.TryGetProperty("transactionHash", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString()! : string.Empty,
            log.TryGetProperty("logIndex", out var logIndex) && logIndex.ValueKind == JsonValueKind.String ? GetUInt64(logIndex) : 0);
    }
}
