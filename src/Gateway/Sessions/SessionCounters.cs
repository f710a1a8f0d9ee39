namespace LoomExchange.Gateway.Sessions;

/// <summary>
/// Traffic of one session. Written only by its own stream (one thread at a time), read by the session registry:
/// a reader may see a value a few messages old, never a torn one (64-bit fields).
/// </summary>
public sealed class SessionCounters
{
    private long _messagesIn;
    private long _messagesOut;
    private long _requests;
    private long _rejects;

    public long MessagesIn => Volatile.Read(ref _messagesIn);

    public long MessagesOut => Volatile.Read(ref _messagesOut);

    /// <summary>Requests routed to books.</summary>
    public long Requests => Volatile.Read(ref _requests);

    /// <summary>Requests the gateway itself refused (rate limit, static checks, timeouts).</summary>
    public long Rejects => Volatile.Read(ref _rejects);

    internal void MessageIn() => Volatile.Write(ref _messagesIn, _messagesIn + 1);

    internal void MessageOut() => Volatile.Write(ref _messagesOut, _messagesOut + 1);

    internal void Request() => Volatile.Write(ref _requests, _requests + 1);

    internal void Reject() => Volatile.Write(ref _rejects, _rejects + 1);
}
