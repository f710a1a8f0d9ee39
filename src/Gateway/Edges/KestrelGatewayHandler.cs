using System.Buffers;
using System.IO.Pipelines;
using Akka;
using Akka.Event;
using Akka.IO;
using Akka.Streams.Dsl;
using Akka.Util;
using LoomExchange.Gateway.Pipeline;
using Microsoft.AspNetCore.Connections;

namespace LoomExchange.Gateway.Edges;

/// <summary>
/// The Kestrel TCP edge (<c>Loom:Gateway:Tcp:Edge = kestrel</c>): Kestrel accepts and owns the socket
/// (System.IO.Pipelines), and each connection runs the same <see cref="GatewayPipeline.Binary"/> flow as the
/// Akka.Streams edge. Kept so that the two socket layers can be measured against each other.
/// </summary>
public sealed class KestrelGatewayHandler(GatewayHost gateway) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var context = gateway.Context;
        var materializer = gateway.Materializer;
        if (context is null || materializer is null)
        {
            // The actor system is not up yet: refuse quietly, the client reconnects.
            return;
        }

        var info = ConnectionInfo.From(connection.RemoteEndPoint, "tcp");
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        try
        {
            await Source.UnfoldAsync<PipeReader, ByteString>(input, ReadAsync)
                .Via(GatewayPipeline.Binary(context, info))
                .RunWith(Sink.ForEachAsync<ByteString>(1, bytes => WriteAsync(output, bytes)), materializer)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or OperationCanceledException or SlowConsumerException)
        {
            context.Log.Info("gateway: kestrel connection {0} ended: {1}", info.RemoteEndPoint, e.Message);
            connection.Abort();
        }
        finally
        {
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task<Option<(PipeReader, ByteString)>> ReadAsync(PipeReader reader)
    {
        ReadResult result;
        try
        {
            result = await reader.ReadAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or OperationCanceledException or InvalidOperationException)
        {
            return Option<(PipeReader, ByteString)>.None;
        }

        var buffer = result.Buffer;
        if (buffer.IsEmpty && (result.IsCompleted || result.IsCanceled))
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            return Option<(PipeReader, ByteString)>.None;
        }

        // The pipe reuses its memory after AdvanceTo: the stream gets its own copy of what arrived.
        var bytes = ByteString.FromBytes(buffer.ToArray());
        reader.AdvanceTo(buffer.End);
        return Option<(PipeReader, ByteString)>.Create((reader, bytes));
    }

    private static async Task WriteAsync(PipeWriter writer, ByteString bytes)
    {
        Copy(writer, bytes);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static void Copy(PipeWriter writer, ByteString bytes)
    {
        var length = bytes.Count;
        var destination = writer.GetSpan(length)[..length];
        bytes.CopyTo(ref destination);
        writer.Advance(length);
    }
}
