namespace LoomExchange.Messages.Wire;

/// <summary>Cancels the account's order <paramref name="OrderId"/> in <paramref name="Symbol"/>; <paramref name="ClientOrderId"/> names this request.</summary>
public sealed record CancelOrder(long ClientOrderId, string Symbol, long OrderId) : WireMessage
{
    public override MessageType Type => MessageType.CancelOrder;
}
