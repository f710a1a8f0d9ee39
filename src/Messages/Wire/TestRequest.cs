namespace LoomExchange.Messages.Wire;

/// <summary>Asks the other side to answer at once with a <see cref="Heartbeat"/> carrying the same id.</summary>
public sealed record TestRequest(long TestRequestId) : WireMessage
{
    public override MessageType Type => MessageType.TestRequest;
}
