using System.Threading.Channels;
using LoomExchange.Client.Transport;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>
/// One logged-on connection: numbers outbound frames 1, 2, 3…, checks that inbound frames do the same, keeps the
/// session alive with heartbeats, answers test requests and hands execution reports to the client. It ends at the
/// first failure; the client then opens a new session (a new <see cref="Generation"/>) and resends what is unanswered.
/// </summary>
internal sealed class GatewaySession : IAsyncDisposable
{
    // One send carries at most this much: large enough to amortise the system call, small enough to keep latency low.
    private const int MaxBatchBytes = 64 * 1024;

    private readonly ClientTransport _transport;
    private readonly LoomClient _client;
    private long _nextOutboundSequence = 1;
    private long _expectedInboundSequence = 1;
    private long _lastSentTicks = Environment.TickCount64;
    private long _lastReceivedTicks = Environment.TickCount64;
    private long _testRequestId;
    private volatile bool _testRequestOutstanding;
    private volatile bool _loggingOut;
    private Logout? _serverLogout;

    public GatewaySession(ClientTransport transport, LoomClient client, int generation)
    {
        _transport = transport;
        _client = client;
        Generation = generation;
    }

    public int Generation { get; }

    public TimeSpan HeartbeatInterval { get; private set; }

    public string TransportName => _transport.Name;

    public async Task<LogonAck> LogonAsync(Logon logon, CancellationToken cancellationToken)
    {
        await _transport.ConnectAsync(cancellationToken).ConfigureAwait(false);
        _transport.Write(logon, _nextOutboundSequence++);
        await _transport.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = await ReceiveCheckedAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new LoomConnectionException("the gateway closed the connection during logon");
        switch (answer)
        {
            case LogonAck ack:
                HeartbeatInterval = TimeSpan.FromMilliseconds(ack.HeartbeatIntervalMs > 0 ? ack.HeartbeatIntervalMs : 5000);
                return ack;
            case LogonReject reject:
                throw new LoomLogonRejectedException(reject.Reason, reject.Text);
            case ProtocolError error:
                throw new LoomProtocolException(error.Code, error.Text);
            case Logout logout:
                throw new LoomConnectionException($"the gateway logged out during logon: {logout.Reason} {logout.Text}".TrimEnd());
            default:
                throw new LoomProtocolException($"expected LogonAck or LogonReject, got {answer.Type}");
        }
    }

    /// <summary>Runs the session until it ends; returns why (null after a logout this client asked for).</summary>
    public async Task<Exception?> RunAsync(ChannelReader<OutboundItem> outbound, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadLoopAsync(stop.Token);
        var writing = WriteLoopAsync(outbound, stop.Token);
        var watching = HeartbeatLoopAsync(stop.Token);
        var first = await Task.WhenAny(reading, writing, watching).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _transport.Abort();
        await Task.WhenAll(reading, writing, watching).ConfigureAwait(false);
        return await first.ConfigureAwait(false);
    }

    /// <summary>Says goodbye: the server answers with its own Logout and closes; no cancel-on-disconnect then.</summary>
    public void RequestLogout()
    {
        _loggingOut = true;
        _client.EnqueueControl(new Logout(ProtocolErrorCode.None, "client closing"), Generation);
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    private async Task<Exception?> ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var message = await ReceiveCheckedAsync(cancellationToken).ConfigureAwait(false);
                if (message is null)
                {
                    return _loggingOut && _serverLogout is not null ? null : ClosedBecause();
                }

                Handle(message);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
#pragma warning disable CA1031 // any failure of the connection ends this session; the client decides what follows
        catch (Exception error)
#pragma warning restore CA1031
        {
            return _loggingOut && _serverLogout is not null ? null : error;
        }
    }

    private void Handle(WireMessage message)
    {
        switch (message)
        {
            case ExecutionReport report:
                _client.OnExecutionReport(report);
                break;
            case TestRequest test:
                _client.EnqueueControl(new Heartbeat(test.TestRequestId), Generation);
                break;
            case Heartbeat:
                _testRequestOutstanding = false;
                break;
            case ProtocolError error:
                // Rate limits drop one message and keep the session; every other code is followed by a Logout and a close.
                _client.OnProtocolError(error, Generation);
                break;
            case Logout logout:
                _serverLogout = logout;
                break;
            default:
                throw new LoomProtocolException($"unexpected {message.Type} on a logged-on session");
        }
    }

    private async ValueTask<WireMessage?> ReceiveCheckedAsync(CancellationToken cancellationToken)
    {
        var result = await _transport.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (result is not { } decoded)
        {
            return null;
        }

        if (!decoded.IsSuccess)
        {
            throw new LoomProtocolException(decoded.Error, $"unreadable frame from the gateway: {decoded.ErrorText}");
        }

        if (decoded.Sequence != _expectedInboundSequence)
        {
            throw new LoomProtocolException(
                ProtocolErrorCode.SequenceGap,
                $"inbound sequence {decoded.Sequence} where {_expectedInboundSequence} was expected: messages were lost; reconnecting");
        }

        _expectedInboundSequence++;
        Volatile.Write(ref _lastReceivedTicks, Environment.TickCount64);
        return decoded.Message;
    }

    private LoomConnectionException ClosedBecause() => _serverLogout is { } logout
        ? new LoomConnectionException($"the gateway ended the session: {logout.Reason} {logout.Text}".TrimEnd())
        : new LoomConnectionException("the gateway closed the connection");

    private async Task<Exception?> WriteLoopAsync(ChannelReader<OutboundItem> outbound, CancellationToken cancellationToken)
    {
        try
        {
            // Requests unanswered from earlier connections (or queued while none was up) go first, in submission order.
            foreach (var request in _client.Pending.NotWrittenOn(Generation))
            {
                WriteRequest(request);
            }

            await FlushAsync(cancellationToken).ConfigureAwait(false);
            while (await outbound.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_transport.Buffered < MaxBatchBytes && outbound.TryRead(out var item))
                {
                    if (item.Request is { } request)
                    {
                        // Answered already, or resent above on this connection: nothing to write.
                        if (!request.IsFinished && request.Generation != Generation)
                        {
                            WriteRequest(request);
                        }
                    }
                    else if (item.Generation == Generation && item.Control is { } control)
                    {
                        _transport.Write(control, _nextOutboundSequence++);
                    }
                }

                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return new LoomConnectionException("the client closed");
        }
        catch (OperationCanceledException)
        {
            return null;
        }
#pragma warning disable CA1031 // any failure of the connection ends this session; the client decides what follows
        catch (Exception error)
#pragma warning restore CA1031
        {
            return error;
        }
    }

    private void WriteRequest(SentRequest request)
    {
        var sequence = _nextOutboundSequence++;
        _transport.Write(request.Message, sequence);
        request.Generation = Generation;
        request.LastSequence = sequence;
        request.Attempts++;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_transport.Buffered > 0)
        {
            await _transport.FlushAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastSentTicks, Environment.TickCount64);
        }
    }

    private async Task<Exception?> HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        var intervalMs = (long)HeartbeatInterval.TotalMilliseconds;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(intervalMs / 4, 10)));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = Environment.TickCount64;
                var silent = now - Volatile.Read(ref _lastReceivedTicks);
                if (silent >= 3 * intervalMs)
                {
                    return new LoomConnectionException($"nothing from the gateway for {silent} ms (3 heartbeat intervals); reconnecting");
                }

                if (silent >= 2 * intervalMs && !_testRequestOutstanding)
                {
                    _testRequestOutstanding = true;
                    _client.EnqueueControl(new TestRequest(++_testRequestId), Generation);
                }

                if (now - Volatile.Read(ref _lastSentTicks) >= intervalMs)
                {
                    // Counted as sent now so that a slow writer does not queue one heartbeat per tick.
                    Volatile.Write(ref _lastSentTicks, now);
                    _client.EnqueueControl(new Heartbeat(0), Generation);
                }
            }

            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
