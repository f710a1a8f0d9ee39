using System.Net.WebSockets;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Transport;

/// <summary>JSON messages over a WebSocket: one text message per protocol message, in both directions.</summary>
internal sealed class WebSocketJsonTransport(Uri uri) : ClientTransport
{
    private readonly ClientWebSocket _socket = new();
    private readonly FrameReadBuffer _input = new(4096);
    private readonly List<byte[]> _output = [];

    public override string Name => "ws";

    public override int Buffered => _output.Count * 128;

    public override Task ConnectAsync(CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    public override void Write(WireMessage message, long sequence) => _output.Add(JsonCodec.Encode(message, sequence));

    public override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        // The protocol is one JSON object per WebSocket message, so each message is its own frame.
        foreach (var message in _output)
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }

        _output.Clear();
    }

    public override async ValueTask<DecodeResult?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _input.EnsureCapacity(_input.Data.Length + 1024);
            var result = await _socket.ReceiveAsync(_input.FreeSpace, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _input.Advance(result.Count);
            if (result.EndOfMessage)
            {
                var decoded = result.MessageType == WebSocketMessageType.Text
                    ? JsonCodec.Decode(_input.Data.Span, serverSide: false)
                    : DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, "binary WebSocket message; the protocol sends JSON text");
                _input.Consume(_input.Data.Length);
                return decoded;
            }
        }
    }

    public override void Abort() => _socket.Abort();

    public override ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
