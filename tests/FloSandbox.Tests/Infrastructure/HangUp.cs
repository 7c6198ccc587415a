using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace FloSandbox.Tests.Infrastructure;

/// Clients that hang up: a POST sent over a raw socket that is reset after a delay without reading the answer, and
/// the wait for the orders it left to settle.
public static class HangUp
{
    /// POSTs <paramref name="body"/> to <paramref name="path"/> with the key and <paramref name="idempotencyKey"/>, then
    /// resets the connection after <paramref name="delayMs"/>.
    public static async Task PostAndCloseAsync(Uri origin, string key, string idempotencyKey, string path, string body, int delayMs)
    {
        var request = $"POST {path} HTTP/1.1\r\nHost: {origin.Authority}\r\nAuthorization: Bearer {key}\r\nIdempotency-Key: {idempotencyKey}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(origin.Host, origin.Port);
        await socket.SendAsync(Encoding.UTF8.GetBytes(request));
        if (delayMs > 0)
        {
            await Task.Delay(delayMs);
        }
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// The first page of <paramref name="listPath"/> (e.g. `/v1/mints`) once it holds at least <paramref name="count"/>
    /// orders and every one of them is settled; fails after 30 s.
    public static async Task<IReadOnlyList<JsonElement>> AllSettledAsync(HttpClient client, string listPath, int count)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var page = await (await client.GetAsync($"{listPath}?limit=100")).JsonAsync();
            var orders = page.GetProperty("data").EnumerateArray().ToList();
            if (orders.Count >= count && orders.All(o => o.Str("status") == "settled"))
            {
                return orders;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{listPath}: still on their way: {string.Join(", ", orders.Select(o => o.Str("status")))}");
            await Task.Delay(50);
        }
    }
}
