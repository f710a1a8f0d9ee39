using LoomExchange.Messages.Orders;

namespace LoomExchange.Gateway.Routing;

/// <summary>A resting order of this session, as far as its reports tell: for cancel-on-disconnect and for the fields of later reports.</summary>
internal sealed class TrackedOrder(string symbol, long orderId, long clientOrderId, Side side, long price, long quantity)
{
    public string Symbol { get; } = symbol;

    public long OrderId { get; } = orderId;

    public long ClientOrderId { get; } = clientOrderId;

    public Side Side { get; } = side;

    public long Price { get; set; } = price;

    /// <summary>The order's quantity as placed (0 when unknown, e.g. learnt from a duplicate answer).</summary>
    public long Quantity { get; set; } = quantity;
}
