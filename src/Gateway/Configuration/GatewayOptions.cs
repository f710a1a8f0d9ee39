using LoomExchange.Messages.Configuration;
namespace LoomExchange.Gateway.Configuration;

/// <summary>
/// <c>Loom:Gateway</c>: the client gateways (binary TCP, WebSocket JSON), their limits and the API keys.
/// Every key is documented in the README's configuration table.
/// </summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Heartbeat intervals a client may ask for in its Logon (0 there means <see cref="DefaultHeartbeatMs"/>).</summary>
    public const int MinHeartbeatMs = 1_000;

    public const int MaxHeartbeatMs = 60_000;

    public TcpEdgeOptions Tcp { get; set; } = new();

    public WebSocketEdgeOptions WebSocket { get; set; } = new();

    /// <summary>A binary frame (length prefix included) above this many bytes ends the session (FrameTooLarge).</summary>
    public int MaxFrameBytes { get; set; } = 1024;

    public int DefaultHeartbeatMs { get; set; } = 5_000;

    /// <summary>
    /// Messages queued for a client that does not read: above it the session ends (SlowConsumer) once the client has taken
    /// nothing for <see cref="OutboundStallMs"/>; at four times it once the queue has been above it for that long although
    /// the client reads; at sixteen times it in any case (<see cref="Pipeline.SlowConsumerRule"/>).
    /// </summary>
    public int OutboundBufferMessages { get; set; } = 10_000;

    /// <summary>How long a session past <see cref="OutboundBufferMessages"/> may take nothing before it ends (SlowConsumer).</summary>
    public int OutboundStallMs { get; set; } = 3_000;

    /// <summary>Requests one session may send per second (token bucket, one second of burst); 0 = no limit.</summary>
    public int SessionMessagesPerSecond { get; set; } = 20_000;

    /// <summary>Requests all sessions of one client address may send per second, together; 0 = no limit.</summary>
    public int AddressMessagesPerSecond { get; set; } = 100_000;

    /// <summary>Client IP addresses refused at connect (AddressBlocked).</summary>
    public List<string> BlockedAddresses { get; set; } = [];

    /// <summary>Server default of the Logon flag: cancel a session's resting orders when it disconnects without a Logout.</summary>
    public bool CancelOnDisconnect { get; set; }

    /// <summary>Logged-on sessions this node accepts at once; more are refused (LogonReject TooManySessions).</summary>
    public int MaxSessions { get; set; } = 20_000;

    /// <summary>A book that does not answer within this time: the request is rejected ServiceUnavailable (retry with the same id).</summary>
    public int RequestTimeoutMs { get; set; } = 10_000;

    /// <summary>
    /// A request the book has not answered after this time is sent to it again, with the same ids, and again after each
    /// further interval until <see cref="RequestTimeoutMs"/>; 0 turns it off. Covers messages lost on the way, e.g. those
    /// a shard region drops while a book moves between nodes. Safe because the book answers a retry of something it
    /// already did with the original outcome and the session keeps the first answer; a request without a client order
    /// id (0) is never sent twice.
    /// </summary>
    public int RequestResendMs { get; set; } = 2_000;

    /// <summary>Requests of one session awaiting a book's answer, at most; beyond it the session's input waits (backpressure).</summary>
    public int MaxPendingRequests { get; set; } = 4_096;

    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>
    /// Checks the settings for <paramref name="profile"/> (<c>development</c> or <c>production</c>) and throws one clear
    /// error naming every problem. Production refuses demo keys and an empty key list.
    /// </summary>
    public void Validate(string profile)
    {
        var problems = new List<string>();
        var production = string.Equals(profile, "production", StringComparison.OrdinalIgnoreCase);
        if (!production && !string.Equals(profile, "development", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Loom:Profile '{profile}' is not development or production");
        }

        Require(problems, MaxFrameBytes is >= 128 and <= 65_537, $"Loom:Gateway:MaxFrameBytes {MaxFrameBytes} must be between 128 and 65537");
        Require(problems, DefaultHeartbeatMs is >= MinHeartbeatMs and <= MaxHeartbeatMs, $"Loom:Gateway:DefaultHeartbeatMs {DefaultHeartbeatMs} must be between {MinHeartbeatMs} and {MaxHeartbeatMs}");
        Require(problems, OutboundBufferMessages is > 0 and <= int.MaxValue / 16, $"Loom:Gateway:OutboundBufferMessages {OutboundBufferMessages} must be positive (and at most {int.MaxValue / 16})");
        Require(problems, OutboundStallMs > 0, $"Loom:Gateway:OutboundStallMs {OutboundStallMs} must be positive");
        Require(problems, SessionMessagesPerSecond >= 0, "Loom:Gateway:SessionMessagesPerSecond must not be negative (0 = no limit)");
        Require(problems, AddressMessagesPerSecond >= 0, "Loom:Gateway:AddressMessagesPerSecond must not be negative (0 = no limit)");
        Require(problems, MaxSessions > 0, $"Loom:Gateway:MaxSessions {MaxSessions} must be positive");
        Require(problems, RequestTimeoutMs > 0, $"Loom:Gateway:RequestTimeoutMs {RequestTimeoutMs} must be positive");
        Require(problems, RequestResendMs >= 0, $"Loom:Gateway:RequestResendMs {RequestResendMs} must not be negative (0 = never resend)");
        Require(problems, MaxPendingRequests > 0, $"Loom:Gateway:MaxPendingRequests {MaxPendingRequests} must be positive");
        Require(problems, Tcp.Port is >= 0 and <= 65_535, $"Loom:Gateway:Tcp:Port {Tcp.Port} is not a port");
        Require(problems, Tcp.Edge is "akka" or "kestrel", $"Loom:Gateway:Tcp:Edge '{Tcp.Edge}' must be akka or kestrel");
        Require(problems, WebSocket.Path.StartsWith('/'), $"Loom:Gateway:WebSocket:Path '{WebSocket.Path}' must start with /");
        foreach (var address in BlockedAddresses)
        {
            Require(problems, System.Net.IPAddress.TryParse(address, out _), $"Loom:Gateway:BlockedAddresses: '{address}' is not an IP address");
        }

        ValidateKeys(problems, production);
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException("gateway configuration is invalid: " + string.Join("; ", problems));
        }
    }

    private void ValidateKeys(List<string> problems, bool production)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in ApiKeys)
        {
            Require(problems, key.Key.Length is > 0 and <= 32 && IsPrintableAscii(key.Key), $"Loom:Gateway:ApiKeys: key '{key.Key}' must be 1 to 32 printable ASCII characters");
            Require(problems, key.Secret.Length is > 0 and <= 64 && IsPrintableAscii(key.Secret), $"Loom:Gateway:ApiKeys: the secret of '{key.Key}' must be 1 to 64 printable ASCII characters");
            Require(problems, key.AccountId > 0, $"Loom:Gateway:ApiKeys: account of '{key.Key}' must be positive");
            Require(problems, keys.Add(key.Key), $"Loom:Gateway:ApiKeys: key '{key.Key}' is listed twice");
            Require(problems, !(production && key.Demo), $"Loom:Gateway:ApiKeys: demo key '{key.Key}' is refused in the production profile; configure real keys (environment or a secret store) and remove the demo ones");
        }

        Require(problems, !(production && ApiKeys.Count == 0), "Loom:Gateway:ApiKeys is empty: the production profile needs at least one API key");
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
