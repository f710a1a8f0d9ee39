using LoomExchange.Gateway.Sessions;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>The logon succeeded: later stages learn the account and the agreed heartbeat.</summary>
internal sealed class SessionOpened(SessionInfo info, SessionCounters counters) : SessionElement
{
    public SessionInfo Info { get; } = info;

    public SessionCounters Counters { get; } = counters;
}
