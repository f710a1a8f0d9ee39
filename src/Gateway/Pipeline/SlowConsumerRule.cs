namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// When a session whose outbound queue has grown is ended as a slow consumer. Past <see cref="SoftLimit"/> messages
/// the session ends only once its connection has taken nothing for <see cref="StallMs"/>: a queue that long also builds
/// up while the node itself stalls (a collection, a slow fsync, a starved core), and ending every session then made its
/// clients reconnect and resend at once, which overloaded the node further. Past <see cref="HardLimit"/> (four times the
/// soft limit) it ends once the queue has stayed past the soft limit for <see cref="StallMs"/>, although the connection
/// still takes: a client that cannot keep up for that long is slow, while the burst of answers that follows a stall of
/// the node drains within it. At <see cref="AbsoluteLimit"/> (sixteen times the soft limit) it ends whatever the timing,
/// so memory per session stays bounded (decisions 22 and 27).
/// </summary>
internal readonly record struct SlowConsumerRule(int SoftLimit, long StallMs)
{
    /// <summary>Messages queued at which a session that has been behind for the stall time ends even while its connection still takes some.</summary>
    public long HardLimit => 4L * SoftLimit;

    /// <summary>Messages queued at which a session ends at once: the bound on memory per session.</summary>
    public long AbsoluteLimit => 16L * SoftLimit;

    /// <summary>
    /// Whether a session with <paramref name="queued"/> messages waiting must end: the last taken
    /// <paramref name="msSinceTaken"/> ago, the queue past the soft limit since <paramref name="msBehind"/> ago.
    /// </summary>
    public bool Ends(int queued, long msSinceTaken, long msBehind) =>
        queued >= AbsoluteLimit
        || (queued >= HardLimit && msBehind >= StallMs)
        || (queued >= SoftLimit && msSinceTaken >= StallMs);

    /// <summary>Why, for the log and the client's Logout.</summary>
    public string Reason(int queued, long msSinceTaken, long msBehind) =>
        queued >= AbsoluteLimit ? $"{queued} messages waited for you (limit {AbsoluteLimit}); read faster"
        : queued >= HardLimit && msBehind >= StallMs ? $"more than {HardLimit} messages waited for you and you were behind for {msBehind} ms; read faster"
        : $"more than {SoftLimit} messages waited for you and you took none for {msSinceTaken} ms; read faster";
}
