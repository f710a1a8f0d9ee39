using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LoomExchange.Client.Transport;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>
/// A session with a Loom Exchange gateway (binary TCP or WebSocket JSON). Requests return tasks that complete with
/// their first execution report, the durable acknowledgement; every report is also available through
/// <see cref="LoomClientOptions.OnExecutionReport"/> and <see cref="SubscribeReports"/>. When the connection drops the
/// client reconnects with backoff, logs on again and resends every unanswered request with the same client order id,
/// which the exchange deduplicates. Given several gateways (<see cref="LoomClientOptions.FailoverEndpoints"/>), it moves
/// to the next one whenever a connection is lost or cannot be made. Thread-safe.
/// </summary>
public sealed class LoomClient : IAsyncDisposable
{
    private readonly LoomClientOptions _options;
    private readonly Channel<OutboundItem> _outbound = Channel.CreateUnbounded<OutboundItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ReportSubscribers _subscribers = new();
    private readonly CancellationTokenSource _life = new();
    private readonly Timer _timeoutSweep;
    private readonly long _timeoutTicks;
    private readonly IReadOnlyList<LoomEndpoint> _endpoints;
    private int _endpointIndex;
    private long _nextClientOrderId;
    private GatewaySession? _session;
    private Task _supervisor = Task.CompletedTask;
    private int _generation;
    private int _state = (int)ConnectionState.Connecting;
    private int _disposed;
    private int _reconnects;

    private LoomClient(LoomClientOptions options)
    {
        options.Validate();
        _options = options;
        _endpoints = options.AllEndpoints();
        _nextClientOrderId = options.FirstClientOrderId - 1;
        _timeoutTicks = (long)(options.RequestTimeout.TotalSeconds * Stopwatch.Frequency);
        var sweep = TimeSpan.FromMilliseconds(Math.Clamp(options.RequestTimeout.TotalMilliseconds / 10, 10, 1000));
        _timeoutSweep = new Timer(static state => ((LoomClient)state!).FailTimedOut(), this, sweep, sweep);
    }

    /// <summary>The gateway of the current (or last) session.</summary>
    public LoomEndpoint Endpoint => _endpoints[Volatile.Read(ref _endpointIndex)];

    /// <summary>Every gateway this client may use, in the order it tries them.</summary>
    public IReadOnlyList<LoomEndpoint> Endpoints => _endpoints;

    public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

    /// <summary>The account the current session trades for (from LogonAck).</summary>
    public long AccountId { get; private set; }

    public long SessionId { get; private set; }

    /// <summary>Successful reconnects since the first logon.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Requests sent and not yet answered.</summary>
    public int PendingRequests => Pending.Count;

    internal PendingRequests Pending { get; } = new();

    /// <summary>Connects and logs on. Throws <see cref="LoomLogonRejectedException"/> if refused, <see cref="LoomConnectionException"/> if unreachable.</summary>
    public static async Task<LoomClient> ConnectAsync(LoomClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new LoomClient(options);
        try
        {
            var session = await client.OpenFirstSessionAsync(cancellationToken).ConfigureAwait(false);
            client._supervisor = client.SuperviseAsync(session);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A new client order id: the process-wide clock-based sequence, or this client's own from <see cref="LoomClientOptions.FirstClientOrderId"/>.</summary>
    public long NextClientOrderId() => _options.FirstClientOrderId == 0 ? ClientOrderIds.Next() : Interlocked.Increment(ref _nextClientOrderId);

    /// <summary>Places an order (ClientOrderId 0 = generate one); completes with its first report: Accepted, Rejected or a fill.</summary>
    public Task<ExecutionReport> PlaceOrderAsync(NewOrder order, CancellationToken cancellationToken = default) => SendAsync(order, cancellationToken);

    /// <summary>Cancels an order; completes with Cancelled or Rejected.</summary>
    public Task<ExecutionReport> CancelOrderAsync(string symbol, long orderId, long clientOrderId = 0, CancellationToken cancellationToken = default) =>
        SendAsync(new CancelOrder(clientOrderId, symbol, orderId), cancellationToken);

    /// <summary>Amends an order's price and open quantity; completes with Amended or Rejected.</summary>
    public Task<ExecutionReport> AmendOrderAsync(string symbol, long orderId, long price, long quantity, long clientOrderId = 0, CancellationToken cancellationToken = default) =>
        SendAsync(new AmendOrder(clientOrderId, symbol, orderId, price, quantity), cancellationToken);

    /// <summary>Cancels all the account's orders in a symbol; completes with MassCancelDone (Quantity = orders cancelled) or Rejected.</summary>
    public Task<ExecutionReport> MassCancelAsync(string symbol, long clientOrderId = 0, CancellationToken cancellationToken = default) =>
        SendAsync(new MassCancel(clientOrderId, symbol), cancellationToken);

    /// <summary>Asks for an order's state; completes with Status or Rejected (UnknownOrder).</summary>
    public Task<ExecutionReport> RequestStatusAsync(string symbol, long orderId, long clientOrderId = 0, CancellationToken cancellationToken = default) =>
        SendAsync(new OrderStatusRequest(clientOrderId, symbol, orderId), cancellationToken);

    /// <summary>Sends any request (a ClientOrderId of 0 is replaced by a generated one) and awaits its answer.</summary>
    public Task<ExecutionReport> SendAsync(WireMessage request, CancellationToken cancellationToken = default)
    {
        var completion = new TaskCompletionSource<ExecutionReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = Submit(request, tag: 0, completion);
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                if (Pending.TryRemove(sent))
                {
                    completion.TrySetCanceled(cancellationToken);
                }
            });
            _ = completion.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return completion.Task;
    }

    /// <summary>
    /// Fire-and-forget send for high rates: no task per request. The answer arrives through
    /// <see cref="LoomClientOptions.OnExecutionReport"/> (with the <see cref="SentRequest"/> and its <paramref name="tag"/>),
    /// a failure through <see cref="LoomClientOptions.OnRequestFailed"/>. Returns the client order id used.
    /// </summary>
    public long Send(WireMessage request, long tag = 0) => Submit(request, tag, completion: null).ClientOrderId;

    /// <summary>Every execution report from now on, until the subscription is disposed or the client closes.</summary>
    public ReportSubscription SubscribeReports() => _subscribers.Add();

    /// <summary>Every execution report from the first <c>MoveNextAsync</c> on.</summary>
    public async IAsyncEnumerable<ExecutionReport> ReadReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var subscription = SubscribeReports();
        await foreach (var report in subscription.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return report;
        }
    }

    /// <summary>Logs out (the gateway then skips cancel-on-disconnect), closes, and fails requests still unanswered.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_session is { } session && State == ConnectionState.Connected)
        {
            session.RequestLogout();
            await Task.WhenAny(_supervisor, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        }

        await _life.CancelAsync().ConfigureAwait(false);
        try
        {
            await _supervisor.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting to reconnect.
        }

        await _timeoutSweep.DisposeAsync().ConfigureAwait(false);
        _outbound.Writer.TryComplete();
        FailAll(new LoomConnectionException("the client was closed before the request was answered"));
        _subscribers.CompleteAll(null);
        SetState(ConnectionState.Closed, null);
        _life.Dispose();
    }

    internal void EnqueueControl(WireMessage message, int generation) => _outbound.Writer.TryWrite(OutboundItem.ControlFor(message, generation));

    internal void OnExecutionReport(ExecutionReport report)
    {
        var answered = Pending.TakeAnswered(report);
        _options.OnExecutionReport?.Invoke(report, answered);
        _subscribers.Publish(report);
        answered?.Completion?.TrySetResult(report);
    }

    internal void OnProtocolError(ProtocolError error, int generation)
    {
        if (error.Code == ProtocolErrorCode.RateLimited && Pending.FindWrittenAs(generation, error.RefSequence) is { } request)
        {
            Fail(request, new LoomProtocolException(error.Code, error.Text));
        }
    }

    private SentRequest Submit(WireMessage request, long tag, TaskCompletionSource<ExecutionReport>? completion)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (State == ConnectionState.Closed)
        {
            throw new LoomConnectionException("the client is closed: the connection was lost and reconnecting gave up");
        }

        var numbered = WithClientOrderId(request, out var clientOrderId);
        var sent = new SentRequest(numbered, clientOrderId, tag, completion);
        if (!Pending.TryAdd(sent))
        {
            throw new ArgumentException($"client order id {clientOrderId} is already waiting for its answer on this client", nameof(request));
        }

        _outbound.Writer.TryWrite(OutboundItem.For(sent));
        return sent;
    }

    private WireMessage WithClientOrderId(WireMessage request, out long clientOrderId)
    {
        (var message, clientOrderId) = request switch
        {
            NewOrder { ClientOrderId: 0 } m => Numbered(m with { ClientOrderId = NextClientOrderId() }),
            NewOrder m => (m, m.ClientOrderId),
            CancelOrder { ClientOrderId: 0 } m => Numbered(m with { ClientOrderId = NextClientOrderId() }),
            CancelOrder m => (m, m.ClientOrderId),
            AmendOrder { ClientOrderId: 0 } m => Numbered(m with { ClientOrderId = NextClientOrderId() }),
            AmendOrder m => (m, m.ClientOrderId),
            MassCancel { ClientOrderId: 0 } m => Numbered(m with { ClientOrderId = NextClientOrderId() }),
            MassCancel m => (m, m.ClientOrderId),
            OrderStatusRequest { ClientOrderId: 0 } m => Numbered(m with { ClientOrderId = NextClientOrderId() }),
            OrderStatusRequest m => (m, m.ClientOrderId),
            _ => throw new ArgumentException($"{request.Type} is not a request; send NewOrder, CancelOrder, AmendOrder, MassCancel or OrderStatusRequest", nameof(request)),
        };
        return message;

        static (WireMessage, long) Numbered(WireMessage m) => (m, ClientOrderIdOf(m));
    }

    private static long ClientOrderIdOf(WireMessage m) => m switch
    {
        NewOrder x => x.ClientOrderId,
        CancelOrder x => x.ClientOrderId,
        AmendOrder x => x.ClientOrderId,
        MassCancel x => x.ClientOrderId,
        OrderStatusRequest x => x.ClientOrderId,
        _ => 0,
    };

    /// <summary>Tries each gateway once, in order; a refused logon or a protocol error ends the attempt at once.</summary>
    private async Task<GatewaySession> OpenFirstSessionAsync(CancellationToken cancellationToken)
    {
        var errors = new List<LoomConnectionException>();
        for (var index = 0; index < _endpoints.Count; index++)
        {
            try
            {
                return await OpenSessionAsync(index, cancellationToken).ConfigureAwait(false);
            }
            catch (LoomConnectionException error)
            {
                errors.Add(error);
            }
        }

        throw errors.Count == 1
            ? errors[0]
            : new LoomConnectionException($"no gateway reachable: {string.Join("; ", errors.Select(e => e.Message))}", new AggregateException(errors));
    }

    private async Task<GatewaySession> OpenSessionAsync(int endpointIndex, CancellationToken cancellationToken)
    {
        var endpoint = _endpoints[endpointIndex];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _life.Token);
        timeout.CancelAfter(_options.ConnectTimeout);
        var session = new GatewaySession(ClientTransport.Create(endpoint), this, Interlocked.Increment(ref _generation));
        try
        {
            var logon = new Logon(_options.ApiKey, _options.Secret, (int)_options.HeartbeatInterval.TotalMilliseconds, _options.CancelOnDisconnect);
            var ack = await session.LogonAsync(logon, timeout.Token).ConfigureAwait(false);
            AccountId = ack.AccountId;
            SessionId = ack.SessionId;
            Volatile.Write(ref _endpointIndex, endpointIndex);
            _session = session;
            SetState(ConnectionState.Connected, null);
            return session;
        }
        catch (Exception error)
        {
            await session.DisposeAsync().ConfigureAwait(false);
            if (error is LoomLogonRejectedException or LoomProtocolException or LoomConnectionException)
            {
                throw;
            }

            if (error is OperationCanceledException && !cancellationToken.IsCancellationRequested && !_life.IsCancellationRequested)
            {
                throw new LoomConnectionException($"no logon answer from {endpoint} within {_options.ConnectTimeout.TotalSeconds:0.###} s", error);
            }

            if (error is OperationCanceledException)
            {
                throw;
            }

            throw new LoomConnectionException($"cannot connect to {endpoint}: {error.Message}", error);
        }
    }

    private async Task SuperviseAsync(GatewaySession session)
    {
        var current = session;
        while (true)
        {
            var cause = await current.RunAsync(_outbound.Reader, _life.Token).ConfigureAwait(false);
            await current.DisposeAsync().ConfigureAwait(false);
            if (Volatile.Read(ref _disposed) == 1 || _life.IsCancellationRequested)
            {
                return;
            }

            SetState(ConnectionState.Reconnecting, cause);
            var next = await ReconnectAsync().ConfigureAwait(false);
            if (Volatile.Read(ref _disposed) == 1)
            {
                if (next.Session is { } opened)
                {
                    await opened.DisposeAsync().ConfigureAwait(false);
                }

                return;
            }

            if (next.Session is null)
            {
                var error = new LoomConnectionException($"connection to {Endpoint} lost and not restored: {next.Error?.Message ?? cause?.Message}", next.Error ?? cause!);
                SetState(ConnectionState.Closed, error);
                FailAll(error);
                _subscribers.CompleteAll(error);
                return;
            }

            Interlocked.Increment(ref _reconnects);
            current = next.Session;
        }
    }

    /// <summary>
    /// Attempt k goes to the k-th gateway after the one just lost (so with one gateway, always to it); the backoff grows
    /// once per round over all gateways, so that a survivor is tried after the first short delay, not after the longest.
    /// </summary>
    private async Task<(GatewaySession? Session, Exception? Error)> ReconnectAsync()
    {
        Exception? last = null;
        var lost = Volatile.Read(ref _endpointIndex);
        for (var attempt = 1; attempt <= _options.Reconnect.MaxAttempts; attempt++)
        {
            try
            {
                var round = ((attempt - 1) / _endpoints.Count) + 1;
                await Task.Delay(_options.Reconnect.DelayBefore(round), _life.Token).ConfigureAwait(false);
                return (await OpenSessionAsync((int)((lost + (long)attempt) % _endpoints.Count), _life.Token).ConfigureAwait(false), null);
            }
            catch (OperationCanceledException) when (_life.IsCancellationRequested)
            {
                return (null, last);
            }
            catch (LoomLogonRejectedException error) when (error.Reason == LogonRejectReason.InvalidCredentials)
            {
                // Retrying cannot fix credentials.
                return (null, error);
            }
#pragma warning disable CA1031 // every failed attempt is retried per the policy; the last one is reported
            catch (Exception error)
#pragma warning restore CA1031
            {
                last = error;
            }
        }

        return (null, last);
    }

    private void FailTimedOut()
    {
        if (Pending.IsEmpty)
        {
            return;
        }

        var cutoff = Stopwatch.GetTimestamp() - _timeoutTicks;
        foreach (var request in Pending.SubmittedBefore(cutoff))
        {
            Fail(request, new LoomRequestTimeoutException(request.ClientOrderId, _options.RequestTimeout));
        }
    }

    private void FailAll(Exception error)
    {
        foreach (var request in Pending.All())
        {
            Fail(request, error);
        }
    }

    private void Fail(SentRequest request, Exception error)
    {
        if (!Pending.TryRemove(request))
        {
            return;
        }

        request.Completion?.TrySetException(error);
        _options.OnRequestFailed?.Invoke(request, error);
    }

    private void SetState(ConnectionState state, Exception? cause)
    {
        if (Interlocked.Exchange(ref _state, (int)state) != (int)state || cause is not null)
        {
            _options.OnStateChanged?.Invoke(new ConnectionStateChange(state, cause));
        }
    }
}
