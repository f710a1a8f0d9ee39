namespace LoomExchange.Client;

/// <summary>Where a <see cref="LoomClient"/>'s session stands.</summary>
public enum ConnectionState
{
    Connecting,
    Connected,

    /// <summary>The connection dropped; requests wait (up to their timeout) while the client reconnects.</summary>
    Reconnecting,

    /// <summary>Disposed, or reconnecting gave up; further requests fail.</summary>
    Closed,
}

/// <summary>A state change and, when a connection ended, why.</summary>
public sealed record ConnectionStateChange(ConnectionState State, Exception? Cause);
