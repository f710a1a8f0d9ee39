using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Transport;

/// <summary>
/// One connection to a gateway in one encoding. Writes are buffered by <see cref="Write"/> and sent together by
/// <see cref="FlushAsync"/>, so that a busy client puts many frames into one send. One writer and one reader at a time.
/// </summary>
internal abstract class ClientTransport : IAsyncDisposable
{
    /// <summary>Short name for reports: <c>tcp</c> or <c>ws</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Bytes (or messages) buffered and not yet flushed: the writer stops adding at a batch limit.</summary>
    public abstract int Buffered { get; }

    public abstract Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Encodes one message with its sequence number into the write buffer.</summary>
    public abstract void Write(WireMessage message, long sequence);

    public abstract ValueTask FlushAsync(CancellationToken cancellationToken);

    /// <summary>The next message from the server, or null when the server closed the connection.</summary>
    public abstract ValueTask<DecodeResult?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes at once; a pending receive or flush ends with an exception.</summary>
    public abstract void Abort();

    public abstract ValueTask DisposeAsync();

    public static ClientTransport Create(LoomEndpoint endpoint) => endpoint.Kind switch
    {
        TransportKind.Tcp => new TcpBinaryTransport(endpoint.Host, endpoint.Port),
        _ => new WebSocketJsonTransport(endpoint.Uri),
    };
}
