using LoomExchange.Engine.Book;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

public sealed partial class OrderBook
{
    // Each event takes the next sequence number: the sequence is the book's position in its own history.
    private void EmitAccepted(in Taker order, long now, OrderEventBuffer events) => events.Add(new OrderEvent
    {
        Type = EventType.Accepted,
        Sequence = ++_sequence,
        Timestamp = now,
        OrderId = order.OrderId,
        AccountId = order.AccountId,
        ClientOrderId = order.ClientOrderId,
        Side = order.Side,
        OrderType = order.OrderType,
        TimeInForce = order.TimeInForce,
        SelfTradePrevention = order.SelfTradePrevention,
        PostOnly = order.PostOnly,
        Price = order.LimitPrice,
        Quantity = order.Quantity,
        LeavesQuantity = order.Quantity,
        ExpireAt = order.ExpireAt,
    });

    private void EmitRejected(in OrderCommand command, RejectReason reason, OrderEventBuffer events) => events.Add(new OrderEvent
    {
        Type = EventType.Rejected,
        Sequence = ++_sequence,
        Timestamp = command.Timestamp,
        OrderId = command.OrderId,
        AccountId = command.AccountId,
        ClientOrderId = command.ClientOrderId,
        Side = command.Side,
        OrderType = command.OrderType,
        TimeInForce = command.TimeInForce,
        SelfTradePrevention = command.SelfTradePrevention,
        PostOnly = command.PostOnly,
        Price = command.Price,
        Quantity = command.Quantity,
        ExpireAt = command.ExpireAt,
        RejectedCommand = command.Type,
        RejectReason = reason,
    });

    private void EmitTrade(in Taker taker, ref RestingOrder maker, long price, long quantity, long now, OrderEventBuffer events) => events.Add(new OrderEvent
    {
        Type = EventType.Trade,
        Sequence = ++_sequence,
        Timestamp = now,
        OrderId = taker.OrderId,
        AccountId = taker.AccountId,
        ClientOrderId = taker.ClientOrderId,
        Side = taker.Side,
        OrderType = taker.OrderType,
        TimeInForce = taker.TimeInForce,
        SelfTradePrevention = taker.SelfTradePrevention,
        PostOnly = taker.PostOnly,
        Price = price,
        Quantity = quantity,
        LeavesQuantity = taker.Leaves,
        ExpireAt = taker.ExpireAt,
        TradeId = _nextTradeId++,
        MakerOrderId = maker.OrderId,
        MakerAccountId = maker.AccountId,
        MakerClientOrderId = maker.ClientOrderId,
        MakerLeavesQuantity = maker.Leaves,
    });

    /// <summary>Cancels the taker's open remainder (it never rested, or was taken out to re-match).</summary>
    private void EmitCancelled(in Taker order, CancelReason reason, long now, OrderEventBuffer events) => events.Add(new OrderEvent
    {
        Type = EventType.Cancelled,
        Sequence = ++_sequence,
        Timestamp = now,
        OrderId = order.OrderId,
        AccountId = order.AccountId,
        ClientOrderId = order.ClientOrderId,
        Side = order.Side,
        OrderType = order.OrderType,
        TimeInForce = order.TimeInForce,
        SelfTradePrevention = order.SelfTradePrevention,
        PostOnly = order.PostOnly,
        Price = order.LimitPrice,
        Quantity = order.Leaves,
        ExpireAt = order.ExpireAt,
        CancelReason = reason,
    });

    private void EmitCancelled(ref RestingOrder order, CancelReason reason, long now, OrderEventBuffer events) =>
        events.Add(RestingOrderEvent(EventType.Cancelled, ref order, order.Leaves, 0, now) with { CancelReason = reason });

    private void EmitExpired(ref RestingOrder order, long now, OrderEventBuffer events) =>
        events.Add(RestingOrderEvent(EventType.Expired, ref order, order.Leaves, 0, now));

    private void EmitAmended(ref RestingOrder order, long previousLeaves, long now, OrderEventBuffer events) =>
        events.Add(RestingOrderEvent(EventType.Amended, ref order, previousLeaves, order.Leaves, now));

    private OrderEvent RestingOrderEvent(EventType type, ref RestingOrder order, long quantity, long leaves, long now) => new()
    {
        Type = type,
        Sequence = ++_sequence,
        Timestamp = now,
        OrderId = order.OrderId,
        AccountId = order.AccountId,
        ClientOrderId = order.ClientOrderId,
        Side = order.Side,
        OrderType = OrderType.Limit,
        TimeInForce = order.TimeInForce,
        SelfTradePrevention = order.SelfTradePrevention,
        PostOnly = order.PostOnly,
        Price = order.Price,
        Quantity = quantity,
        LeavesQuantity = leaves,
        ExpireAt = order.ExpireAt,
    };
}
