namespace LoomExchange.Gateway.Sessions;

/// <summary>A logged-on session as the operator sees it (<c>exchange sessions</c>).</summary>
public sealed record SessionInfo(
    long SessionId,
    long AccountId,
    string ApiKey,
    string RemoteAddress,
    string Edge,
    int HeartbeatIntervalMs,
    bool CancelOnDisconnect,
    DateTimeOffset LogonTime);
