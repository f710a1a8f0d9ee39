namespace LoomExchange.Client;

/// <summary>How a <see cref="LoomClient"/> reaches the exchange and behaves on its session.</summary>
public sealed record LoomClientOptions
{
    /// <summary>Demo credentials shipped with the node's development profile (local use only).</summary>
    public const string DemoApiKey = "demo-1";

    /// <summary>The secret of <see cref="DemoApiKey"/>.</summary>
    public const string DemoSecret = "demo-secret-1";

    /// <summary><c>tcp://host:port</c> (binary protocol) or <c>ws://host:port/path</c> / <c>wss://…</c> (JSON protocol).</summary>
    public string Endpoint { get; init; } = "tcp://127.0.0.1:5081";

    /// <summary>
    /// Other gateways of the same exchange (any node accepts any client), tried in turn after <see cref="Endpoint"/>:
    /// a failed connect moves to the next one, and so does a reconnect after the connection is lost, so that the
    /// clients of a node that died resume on another and resend their unanswered requests there. Empty = one gateway.
    /// </summary>
    public IReadOnlyList<string> FailoverEndpoints { get; init; } = [];

    public string ApiKey { get; init; } = DemoApiKey;

    public string Secret { get; init; } = DemoSecret;

    /// <summary>Heartbeat interval asked for at logon; <see cref="TimeSpan.Zero"/> takes the server's default.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Asks the gateway to cancel this session's resting orders if the connection ends without a logout.</summary>
    public bool CancelOnDisconnect { get; init; }

    public ReconnectPolicy Reconnect { get; init; } = ReconnectPolicy.Default;

    /// <summary>How long a request may wait for its answer (across reconnects) before it fails with <see cref="LoomRequestTimeoutException"/>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one connect-and-logon attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Called on the receive loop for every execution report, before the answered request's task completes.
    /// Keep it short and non-blocking: it delays every later report of this connection. It must not throw: an exception
    /// ends the connection like any receive failure (the client then reconnects and resends).
    /// </summary>
    public ExecutionReportHandler? OnExecutionReport { get; init; }

    /// <summary>Called when a request ends without an answer (timeout, rate limit, the client closing or giving up).</summary>
    public RequestFailedHandler? OnRequestFailed { get; init; }

    /// <summary>Called when the connection state changes (connected, reconnecting, closed).</summary>
    public Action<ConnectionStateChange>? OnStateChanged { get; init; }

    /// <summary>First client order id this client generates; 0 = derived from the clock (unique across restarts).</summary>
    public long FirstClientOrderId { get; init; }

    /// <summary><see cref="Endpoint"/> then <see cref="FailoverEndpoints"/>, parsed, in the order they are tried.</summary>
    internal IReadOnlyList<LoomEndpoint> AllEndpoints()
    {
        ArgumentNullException.ThrowIfNull(FailoverEndpoints);
        return [LoomEndpoint.Parse(Endpoint), .. FailoverEndpoints.Select(LoomEndpoint.Parse)];
    }

    internal void Validate()
    {
        _ = AllEndpoints();
        ArgumentException.ThrowIfNullOrEmpty(ApiKey);
        ArgumentException.ThrowIfNullOrEmpty(Secret);
        if (HeartbeatInterval < TimeSpan.Zero || HeartbeatInterval > TimeSpan.FromSeconds(60))
        {
            throw new ArgumentException($"heartbeat interval {HeartbeatInterval} must be between 0 (server default) and 60 s", nameof(HeartbeatInterval));
        }

        if (RequestTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("request and connect timeouts must be positive");
        }

        ArgumentNullException.ThrowIfNull(Reconnect);
    }
}
