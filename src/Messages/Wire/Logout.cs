namespace LoomExchange.Messages.Wire;

/// <summary>
/// Ends a session. From a client: a clean goodbye (no cancel-on-disconnect). From the server: the reason the
/// connection is about to close (<see cref="ProtocolErrorCode.None"/> when it answers the client's Logout).
/// </summary>
public sealed record Logout(ProtocolErrorCode Reason, string Text) : WireMessage
{
    public override MessageType Type => MessageType.Logout;
}
