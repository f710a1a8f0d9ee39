using System.Net.WebSockets;
using Akka;
using Akka.Event;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Util;
using LoomExchange.Gateway.Pipeline;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Edges;

/// <summary>
/// The WebSocket edge: each text message is one JSON message (<see cref="JsonCodec"/>), bridged into the same session
/// stages as TCP (<see cref="GatewayPipeline.Json"/>). A message above <see cref="MaxMessageBytes"/> is a FrameTooLarge
/// protocol error; a binary message a MalformedFrame.
/// </summary>
public static class WebSocketGateway
{
    /// <summary>JSON spells the same messages out in more bytes than the binary frames.</summary>
    public const int JsonSizeFactor = 4;

    public static int MaxMessageBytes(GatewayContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Options.MaxFrameBytes * JsonSizeFactor;
    }

    /// <summary>Runs one WebSocket connection to its end; returns when the socket is closed or aborted.</summary>
    public static async Task RunAsync(WebSocket socket, ConnectionInfo connection, GatewayContext context, IMaterializer materializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(context);
        var reader = new MessageReader(socket, MaxMessageBytes(context), cancellationToken);
        var done = Source.UnfoldAsync<MessageReader, DecodeResult>(reader, static r => r.NextAsync())
            .Via(GatewayPipeline.Json(context, connection))
            .RunWith(Sink.ForEachAsync<byte[]>(1, message => socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken)), materializer);
        try
        {
            await done.ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                closing.CancelAfter(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session ended", closing.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or SlowConsumerException or IOException)
        {
            context.Log.Info("gateway: websocket {0} aborted: {1}", connection.RemoteEndPoint, e.Message);
            socket.Abort();
        }
    }

    /// <summary>Reads whole messages into one reused buffer and decodes them in place.</summary>
    private sealed class MessageReader(WebSocket socket, int maxBytes, CancellationToken cancellationToken)
    {
        private readonly byte[] _buffer = new byte[maxBytes + 1];
        private bool _ended;

        public async Task<Option<(MessageReader, DecodeResult)>> NextAsync()
        {
            if (_ended)
            {
                return Option<(MessageReader, DecodeResult)>.None;
            }

            var length = 0;
            while (true)
            {
                ValueWebSocketReceiveResult received;
                try
                {
                    received = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    _ended = true;
                    return Option<(MessageReader, DecodeResult)>.None;
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _ended = true;
                    return Option<(MessageReader, DecodeResult)>.None;
                }

                length += received.Count;
                if (length > maxBytes)
                {
                    _ended = true;
                    return Emit(DecodeResult.Fail(ProtocolErrorCode.FrameTooLarge, $"message above the maximum of {maxBytes} bytes"));
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                return received.MessageType == WebSocketMessageType.Binary
                    ? Emit(DecodeResult.Fail(ProtocolErrorCode.MalformedFrame, "binary messages are not accepted: send JSON text"))
                    : Emit(JsonCodec.Decode(_buffer.AsSpan(0, length), serverSide: true));
            }
        }

        private Option<(MessageReader, DecodeResult)> Emit(DecodeResult result) => Option<(MessageReader, DecodeResult)>.Create((this, result));
    }
}
