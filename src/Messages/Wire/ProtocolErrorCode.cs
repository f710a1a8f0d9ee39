namespace LoomExchange.Messages.Wire;

/// <summary>
/// Why the gateway refused a frame or ended a session. Stable numbers: clients act on them.
/// Codes marked "disconnects" are followed by a <see cref="Logout"/> and the connection closing.
/// </summary>
public enum ProtocolErrorCode : ushort
{
    None = 0,

    /// <summary>The frame is shorter than its layout, or a field holds a value outside its range. Disconnects.</summary>
    MalformedFrame = 1,

    /// <summary>The frame's version byte is not one this server speaks. Disconnects.</summary>
    UnsupportedVersion = 2,

    /// <summary>The frame's type byte is not a client-to-server message type. Disconnects.</summary>
    UnknownMessageType = 3,

    /// <summary>The frame's length is above the server's maximum frame size. Disconnects.</summary>
    FrameTooLarge = 4,

    /// <summary>A message other than Logon arrived before the logon succeeded. Disconnects.</summary>
    NotLoggedOn = 5,

    /// <summary>A second Logon on a logged-on session. Disconnects.</summary>
    AlreadyLoggedOn = 6,

    /// <summary>The frame's sequence number is not the previous one plus one. Disconnects.</summary>
    SequenceGap = 7,

    /// <summary>The session or its address exceeded its message rate; the message was dropped. The session stays up.</summary>
    RateLimited = 8,

    /// <summary>The client read too slowly and the server's buffer for it filled up. Disconnects.</summary>
    SlowConsumer = 9,

    /// <summary>Nothing arrived within the idle timeout. Disconnects.</summary>
    IdleTimeout = 10,

    /// <summary>The client's address is on the block list. Disconnects.</summary>
    AddressBlocked = 11,

    /// <summary>The server is shutting down or the session was ended by an operator. Disconnects.</summary>
    SessionEnded = 12,

    /// <summary>An unexpected server fault while handling the frame; the frame had no effect.</summary>
    InternalError = 13,
}
