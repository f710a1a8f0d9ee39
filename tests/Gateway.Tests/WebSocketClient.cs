using System.Net.WebSockets;
using System.Text;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Tests;

/// <summary>A JSON-over-WebSocket client for specs: one text message per protocol message, sequence numbers checked.</summary>
public sealed class WebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _lastServerSequence;

    public long Sequence { get; private set; }

    public static async Task<WebSocketClient> ConnectAsync(Uri uri)
    {
        var client = new WebSocketClient();
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        return client;
    }

    public Task SendAsync(WireMessage message) => SendTextAsync(Encoding.UTF8.GetString(JsonCodec.Encode(message, ++Sequence)));

    public async Task SendTextAsync(string json) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async Task<WireMessage> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var length = 0;
        while (true)
        {
            var received = await _socket.ReceiveAsync(_buffer.AsMemory(length), deadline.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new EndOfStreamException("the server closed the WebSocket");
            }

            length += received.Count;
            if (received.EndOfMessage)
            {
                break;
            }
        }

        var result = JsonCodec.Decode(_buffer.AsSpan(0, length), serverSide: false);
        Assert.True(result.IsSuccess, $"server message did not decode: {result.Error} {result.ErrorText}: {Encoding.UTF8.GetString(_buffer, 0, length)}");
        Assert.Equal(_lastServerSequence + 1, result.Sequence);
        _lastServerSequence = result.Sequence;
        return result.Message!;
    }

    public async Task<T> ExpectAsync<T>()
        where T : WireMessage => Assert.IsType<T>(await ReceiveAsync());

    public async Task ExpectClosedAsync()
    {
        using var deadline = new CancellationTokenSource(DefaultTimeout);
        try
        {
            var received = await _socket.ReceiveAsync(_buffer.AsMemory(), deadline.Token);
            Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        }
        catch (WebSocketException)
        {
            // Closed without a handshake: closed as well.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }
}
