namespace LoomExchange.Messages.Orders;

/// <summary>Side of an order. Numeric values are part of the wire and journal format: never renumber.</summary>
public enum Side : byte
{
    Buy = 1,
    Sell = 2,
}
