namespace LoomExchange.Messages.Wire;

/// <summary>Keeps an idle session alive; <paramref name="TestRequestId"/> echoes a <see cref="TestRequest"/>, 0 otherwise.</summary>
public sealed record Heartbeat(long TestRequestId) : WireMessage
{
    public override MessageType Type => MessageType.Heartbeat;
}
