using System.Net;
using System.Net.Sockets;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// A raw binary-protocol client for specs: sends frames (well-formed, with its own sequence numbers, or any bytes),
/// reads the server's frames one by one and checks that their sequence numbers rise by one.
/// </summary>
public sealed class WireClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _header = new byte[2];
    private long _lastServerSequence;

    private WireClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>The sequence number the next <see cref="SendAsync(WireMessage)"/> uses minus one.</summary>
    public long Sequence { get; private set; }

    public static async Task<WireClient> ConnectAsync(IPEndPoint endpoint, int receiveBufferSize = 0)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = receiveBufferSize;
        }

        await socket.ConnectAsync(endpoint);
        return new WireClient(socket);
    }

    public Task SendAsync(WireMessage message) => SendAsync(message, ++Sequence);

    public async Task SendAsync(WireMessage message, long sequence) => await _stream.WriteAsync(BinaryCodec.Encode(message, sequence));

    /// <summary>Several frames in one write (one TCP segment, as a pipelining client would send them).</summary>
    public async Task SendBatchAsync(IEnumerable<WireMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var buffer = new MemoryStream();
        foreach (var message in messages)
        {
            buffer.Write(BinaryCodec.Encode(message, ++Sequence));
        }

        await _stream.WriteAsync(buffer.ToArray());
    }

    public async Task SendRawAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>The next server frame; throws <see cref="TimeoutException"/> if none comes in time, <see cref="EndOfStreamException"/> on close.</summary>
    public async Task<WireMessage> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await _stream.ReadExactlyAsync(_header, deadline.Token);
            var frame = new byte[2 + (_header[0] | (_header[1] << 8))];
            _header.CopyTo(frame, 0);
            await _stream.ReadExactlyAsync(frame.AsMemory(2), deadline.Token);
            var result = BinaryCodec.Decode(frame, serverSide: false);
            Assert.True(result.IsSuccess, $"server frame did not decode: {result.Error} {result.ErrorText}");
            Assert.Equal(_lastServerSequence + 1, result.Sequence);
            _lastServerSequence = result.Sequence;
            return result.Message!;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException("no server frame in time");
        }
    }

    public async Task<T> ExpectAsync<T>(TimeSpan? timeout = null)
        where T : WireMessage
    {
        var message = await ReceiveAsync(timeout);
        return Assert.IsType<T>(message);
    }

    /// <summary>Reads server frames until one of type <typeparamref name="T"/> matching <paramref name="match"/>; returns it.</summary>
    public async Task<T> ExpectEventuallyAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null)
        where T : WireMessage
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var message = await ReceiveAsync(timeout ?? DefaultTimeout);
            if (message is T typed && (match is null || match(typed)))
            {
                return typed;
            }

            deadline.Token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The server closed the connection: the next read ends the stream (or the connection was reset).</summary>
    public async Task ExpectClosedAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var buffer = new byte[256];
        try
        {
            var read = await _stream.ReadAsync(buffer, deadline.Token);
            Assert.True(read == 0, $"expected the connection to close, got {read} more bytes");
        }
        catch (IOException)
        {
            // Reset by the server: closed as well.
        }
    }

    /// <summary>Drops the connection without a Logout (RST).</summary>
    public void Abort() => _socket.Close(0);

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();
}
