namespace LoomExchange.Messages.Wire;

/// <summary>The logon succeeded: the session's id, the account it trades for and the agreed heartbeat interval.</summary>
public sealed record LogonAck(long SessionId, long AccountId, int HeartbeatIntervalMs) : WireMessage
{
    public override MessageType Type => MessageType.LogonAck;
}
