namespace LoomExchange.Messages.Wire;

/// <summary>The logon failed; the server closes the connection after sending this.</summary>
public sealed record LogonReject(LogonRejectReason Reason, string Text) : WireMessage
{
    public override MessageType Type => MessageType.LogonReject;
}
