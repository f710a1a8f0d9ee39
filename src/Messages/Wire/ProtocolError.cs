namespace LoomExchange.Messages.Wire;

/// <summary>
/// The server could not accept a frame: <paramref name="RefSequence"/> is the offending frame's sequence number
/// (0 if it could not be read). Whether the session ends depends on <paramref name="Code"/>.
/// </summary>
public sealed record ProtocolError(ProtocolErrorCode Code, long RefSequence, string Text) : WireMessage
{
    public override MessageType Type => MessageType.ProtocolError;
}
