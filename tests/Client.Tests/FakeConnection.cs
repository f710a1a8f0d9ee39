using System.Buffers.Binary;
using System.Net.Sockets;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Tests;

/// <summary>The server end of one client connection, speaking the binary codec; every wait has a deadline.</summary>
internal sealed class FakeConnection(Socket socket) : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly byte[] _buffer = new byte[65536];
    private int _length;
    private long _nextSequence = 1;

    /// <summary>The next frame from the client, or null when the client closed the connection.</summary>
    public async Task<(WireMessage Message, long Sequence)?> ReceiveAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            if (_length >= 2)
            {
                var size = 2 + BinaryPrimitives.ReadUInt16LittleEndian(_buffer);
                if (_length >= size)
                {
                    var result = BinaryCodec.Decode(_buffer.AsSpan(0, size), serverSide: true);
                    Buffer.BlockCopy(_buffer, size, _buffer, 0, _length - size);
                    _length -= size;
                    Assert.True(result.IsSuccess, $"client sent a bad frame: {result.Error} {result.ErrorText}");
                    return (result.Message!, result.Sequence);
                }
            }

            int read;
            try
            {
                read = await socket.ReceiveAsync(_buffer.AsMemory(_length), SocketFlags.None, deadline.Token);
            }
            catch (SocketException)
            {
                return null;
            }

            if (read == 0)
            {
                return null;
            }

            _length += read;
        }
    }

    /// <summary>The next frame, which must be a <typeparamref name="T"/>; heartbeats in between are skipped.</summary>
    public async Task<(T Message, long Sequence)> ExpectAsync<T>()
        where T : WireMessage
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new InvalidOperationException($"connection closed while waiting for {typeof(T).Name}");
            if (frame.Message is T expected)
            {
                return (expected, frame.Sequence);
            }

            if (frame.Message is not Heartbeat { TestRequestId: 0 })
            {
                throw new InvalidOperationException($"expected {typeof(T).Name}, got {frame.Message}");
            }
        }
    }

    public async Task<Logon> AcceptLogonAsync(long accountId = 1001, int heartbeatMs = 5000)
    {
        var (logon, sequence) = await ExpectAsync<Logon>();
        Assert.Equal(1, sequence);
        await SendAsync(new LogonAck(SessionId: 77, accountId, heartbeatMs));
        return logon;
    }

    public Task SendAsync(WireMessage message) => SendAsync(message, _nextSequence++);

    public async Task SendAsync(WireMessage message, long sequence)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await socket.SendAsync(BinaryCodec.Encode(message, sequence), SocketFlags.None, deadline.Token);
    }

    /// <summary>Ends the connection without a Logout, as a crashed gateway would.</summary>
    public void Drop() => socket.Close();

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
