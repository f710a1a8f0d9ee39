namespace LoomExchange.Messages.Wire;

/// <summary>
/// Changes the price and/or quantity of a resting order (quantity down keeps time priority; a price change or
/// quantity up loses it). <paramref name="ClientOrderId"/> names this request.
/// </summary>
public sealed record AmendOrder(long ClientOrderId, string Symbol, long OrderId, long Price, long Quantity) : WireMessage
{
    public override MessageType Type => MessageType.AmendOrder;
}
