namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// When a session whose outbound queue has grown is ended as a slow consumer. Past <see cref="SoftLimit"/> messages
/// the session ends only once its connection has taken nothing for <see cref="StallMs"/>: a queue that long also builds
/// up while the node itself stalls (a collection, a slow fsync, a starved core), and ending every session then made its
/// clients reconnect and resend at once, which overloaded the node further. At <see cref="HardLimit"/> (four times the
/// soft limit) the session ends whatever the timing, so memory per session stays bounded.
/// </summary>
internal readonly record struct SlowConsumerRule(int SoftLimit, long StallMs)
{
    /// <summary>Messages queued at which a session ends even while its connection still takes some.</summary>
    public long HardLimit => 4L * SoftLimit;

    /// <summary>Whether a session with <paramref name="queued"/> messages waiting, the last taken <paramref name="msSinceTaken"/> ago, must end.</summary>
    public bool Ends(int queued, long msSinceTaken) =>
        queued >= HardLimit || (queued >= SoftLimit && msSinceTaken >= StallMs);

    /// <summary>Why, for the log and the client's Logout.</summary>
    public string Reason(int queued, long msSinceTaken) => queued >= HardLimit
        ? $"{queued} messages waited for you (limit {HardLimit}); read faster"
        : $"more than {SoftLimit} messages waited for you and you took none for {msSinceTaken} ms; read faster";
}
