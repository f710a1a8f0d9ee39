namespace LoomExchange.Messages.Wire;

/// <summary>Asks for the current state of the account's order; answered by a Status report, or Rejected/UnknownOrder.</summary>
public sealed record OrderStatusRequest(long ClientOrderId, string Symbol, long OrderId) : WireMessage
{
    public override MessageType Type => MessageType.OrderStatusRequest;
}
