using LoomExchange.Actors.Protocol;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Node.Http;

/// <summary>Renders book replies for HTTP: fixed-point values as decimal text, reasons by name and code.</summary>
public static class OrderResponseMapper
{
    public static OrderResponse ToResponse(BookCommandResult result, in OrderCommand command, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(spec);
        var rejected = result.RejectReason != RejectReason.None;
        var events = new EventView[result.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var e = result.Events[i];
            events[i] = new EventView(
                e.Type.ToString(),
                e.Sequence,
                e.OrderId,
                e.ClientOrderId,
                e.AccountId,
                e.Side is Side.Buy or Side.Sell ? e.Side.ToString() : null,
                spec.FormatPrice(e.Price),
                spec.FormatQuantity(e.Quantity),
                spec.FormatQuantity(e.LeavesQuantity),
                e.Type == EventType.Trade ? e.TradeId : null,
                e.Type == EventType.Trade ? e.MakerOrderId : null,
                e.Type == EventType.Cancelled ? e.CancelReason.ToString() : null);
        }

        return new OrderResponse(
            result.Symbol,
            result.Status.ToString().ToLowerInvariant(),
            result.OrderId,
            rejected ? result.RejectReason.ToString() : null,
            rejected ? (int)result.RejectReason : null,
            rejected ? RejectDescription.Describe(result.RejectReason, command, spec) : null,
            events);
    }

    public static OrdersResponse ToResponse(BookOrders orders, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(spec);
        var views = orders.Orders
            .Select(o => new RestingOrderView(o.OrderId, o.AccountId, o.ClientOrderId, o.Side.ToString(), spec.FormatPrice(o.Price), spec.FormatQuantity(o.LeavesQuantity), o.TimeInForce.ToString(), o.PostOnly, o.ExpireAt))
            .ToArray();
        return new OrdersResponse(orders.Symbol, orders.Sequence, views);
    }

    public static DepthResponse ToResponse(BookDepth depth, InstrumentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(depth);
        ArgumentNullException.ThrowIfNull(spec);
        LevelView Level(PriceLevelView l) => new(spec.FormatPrice(l.Price), spec.FormatQuantity(l.Quantity), l.OrderCount);
        return new DepthResponse(depth.Symbol, depth.Sequence, spec.FormatPrice(depth.LastTradePrice), depth.Bids.Select(Level).ToArray(), depth.Asks.Select(Level).ToArray());
    }
}
