using Akka;
using Akka.Event;
using Akka.IO;
using Akka.Streams.Dsl;
using LoomExchange.Gateway.Pipeline;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway;

/// <summary>
/// Builds the per-connection graph. The stages work on <see cref="WireMessage"/>s and know no codec:
/// <c>session -> L1 access -> L3 order checks -> routing/outbound</c>. Each edge puts its codec around them: binary
/// (framing + decode, encode + coalescing) for TCP, JSON for WebSocket. One fused graph per connection.
/// </summary>
public static class GatewayPipeline
{
    /// <summary>Frames written in one socket write at most (bytes): the TCP writer keeps one write in flight, so frames queue up here meanwhile.</summary>
    public const int MaxWriteBytes = 64 * 1024;

    /// <summary>The codec-agnostic session of one connection: decoded client messages in, server messages out.</summary>
    public static Flow<DecodeResult, WireMessage, NotUsed> Session(GatewayContext context, ConnectionInfo connection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(connection);
        if (context.Access.IsBlocked(connection.Address))
        {
            context.Log.Warning("gateway: refused {0} ({1}): address blocked", connection.RemoteEndPoint, connection.Edge);
            return Flow.FromSinkAndSource(
                Sink.Ignore<DecodeResult>().MapMaterializedValue(_ => NotUsed.Instance),
                Source.Single<WireMessage>(new ProtocolError(ProtocolErrorCode.AddressBlocked, 0, "your address is blocked")));
        }

        return Flow.FromGraph(new SessionStage(context, connection))
            .Via(new AccessStage(context, connection))
            .Via(new OrderCheckStage(context))
            .Via(new RoutingStage(context, connection));
    }

    /// <summary>The binary protocol over any byte stream (the Akka.Streams TCP edge or the Kestrel one).</summary>
    public static Flow<ByteString, ByteString, NotUsed> Binary(GatewayContext context, ConnectionInfo connection)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Flow.FromGraph(new FramingStage(context.Options.MaxFrameBytes, static frame => BinaryCodec.Decode(frame, serverSide: true)))
            .Via(Session(context, connection))
            .Via(new EncodingStage<ByteString>(static (message, sequence) => ByteString.FromBytes(BinaryCodec.Encode(message, sequence))))
            .BatchWeighted(MaxWriteBytes, frame => frame.Count, frame => frame, (batch, frame) => batch.Concat(frame))
            .Select(batch => batch.IsCompact ? batch : batch.Compact());
    }

    /// <summary>
    /// The JSON protocol: messages decoded by the edge (which knows where a WebSocket message ends and how large it
    /// may be) in, one UTF-8 JSON message per element out.
    /// </summary>
    public static Flow<DecodeResult, byte[], NotUsed> Json(GatewayContext context, ConnectionInfo connection) =>
        Session(context, connection)
            .Via(new EncodingStage<byte[]>(static (message, sequence) => JsonCodec.Encode(message, sequence)));
}
