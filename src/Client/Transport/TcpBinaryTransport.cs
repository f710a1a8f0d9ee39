using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Transport;

/// <summary>Binary frames over a TCP socket: a growable write buffer flushed in one send, a framed read buffer.</summary>
internal sealed class TcpBinaryTransport : ClientTransport
{
    // Small to start, so that ten thousand idle sessions stay cheap; both buffers grow under load.
    private const int InitialBufferSize = 4096;

    private readonly string _host;
    private readonly int _port;
    private readonly Socket _socket;
    private readonly FrameReadBuffer _input = new(InitialBufferSize);
    private byte[] _output = new byte[InitialBufferSize];
    private int _outputLength;

    public TcpBinaryTransport(string host, int port)
    {
        _host = host;
        _port = port;
        _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }

    public override string Name => "tcp";

    public override int Buffered => _outputLength;

    public override async Task ConnectAsync(CancellationToken cancellationToken)
    {
        EndPoint endPoint = IPAddress.TryParse(_host, out var address) ? new IPEndPoint(address, _port) : new DnsEndPoint(_host, _port);
        await _socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
    }

    public override void Write(WireMessage message, long sequence)
    {
        var size = BinaryCodec.FrameSize(message);
        if (_output.Length - _outputLength < size)
        {
            Array.Resize(ref _output, Math.Max(_output.Length * 2, _outputLength + size));
        }

        _outputLength += BinaryCodec.Encode(message, sequence, _output.AsSpan(_outputLength));
    }

    public override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (sent < _outputLength)
        {
            sent += await _socket.SendAsync(_output.AsMemory(sent, _outputLength - sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }

        _outputLength = 0;
    }

    public override async ValueTask<DecodeResult?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeFrame(out var result))
            {
                return result;
            }

            var read = await _socket.ReceiveAsync(_input.FreeSpace, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            _input.Advance(read);
        }
    }

    public override void Abort()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already closed by the peer: nothing left to shut down.
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently: already aborted.
        }

        _socket.Close();
    }

    public override ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private bool TryTakeFrame(out DecodeResult result)
    {
        var data = _input.Data;
        if (data.Length >= BinaryCodec.LengthFieldSize)
        {
            var frameSize = BinaryCodec.LengthFieldSize + BinaryPrimitives.ReadUInt16LittleEndian(data.Span);
            if (data.Length >= frameSize)
            {
                result = BinaryCodec.Decode(data.Span[..frameSize], serverSide: false);
                _input.Consume(frameSize);
                return true;
            }

            _input.EnsureCapacity(frameSize);
        }

        _input.MakeRoom();
        result = default;
        return false;
    }
}
