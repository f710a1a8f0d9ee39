using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

public sealed partial class OrderBook
{
    /// <summary>
    /// Applies one event produced earlier by a book of this symbol, without re-running any rule: recovery
    /// from the journal. Applying a book's events in order from empty (or from a snapshot) reproduces it exactly.
    /// </summary>
    /// <exception cref="InvalidOperationException">The event's sequence does not follow the book's: the history has a gap.</exception>
    public void Apply(in OrderEvent orderEvent)
    {
        if (orderEvent.Sequence != _sequence + 1)
        {
            throw new InvalidOperationException(
                $"{Symbol}: event sequence {orderEvent.Sequence} does not follow the book's sequence {_sequence}; the journal has a gap or is out of order");
        }

        switch (orderEvent.Type)
        {
            case EventType.Accepted:
                ApplyAccepted(orderEvent);
                break;
            case EventType.Trade:
                ApplyTrade(orderEvent);
                break;
            case EventType.Cancelled:
            case EventType.Expired:
                if (_orders.TryFind(orderEvent.OrderId, out var slot))
                {
                    RemoveResting(slot);
                }

                break;
            case EventType.Amended:
                ApplyAmended(orderEvent);
                break;
            case EventType.Rejected:
                break;
            default:
                throw new InvalidOperationException($"{Symbol}: unknown event type {orderEvent.Type} at sequence {orderEvent.Sequence}");
        }

        // Only a known event moves the book on: an unknown one leaves it exactly as it was.
        _sequence = orderEvent.Sequence;
    }

    private void ApplyAccepted(in OrderEvent e)
    {
        _nextOrderId = e.OrderId + 1;

        // A resting-capable order joins its level now. Its trades follow as events and reduce it, so by the
        // end of the command's events it stands exactly where live matching left it (the same-side queue
        // does not change while it matches).
        if (e.OrderType == OrderType.Limit && e.TimeInForce is TimeInForce.Gtc or TimeInForce.Gtd)
        {
            Rest(new Taker
            {
                OrderId = e.OrderId,
                AccountId = e.AccountId,
                ClientOrderId = e.ClientOrderId,
                LimitPrice = e.Price,
                Quantity = e.Quantity,
                Leaves = e.Quantity,
                ExpireAt = e.ExpireAt,
                Side = e.Side,
                OrderType = e.OrderType,
                TimeInForce = e.TimeInForce,
                SelfTradePrevention = e.SelfTradePrevention,
                PostOnly = e.PostOnly,
            });
        }
    }

    private void ApplyTrade(in OrderEvent e)
    {
        _nextTradeId = e.TradeId + 1;
        _lastTradePrice = e.Price;
        ReduceOrRemove(e.MakerOrderId, e.Quantity);
        ReduceOrRemove(e.OrderId, e.Quantity);
    }

    private void ReduceOrRemove(long orderId, long quantity)
    {
        if (!_orders.TryFind(orderId, out var slot))
        {
            return;
        }

        SideOf(_orders[slot].Side).Reduce(slot, quantity);
        if (_orders[slot].Leaves == 0)
        {
            RemoveResting(slot);
        }
    }

    private void ApplyAmended(in OrderEvent e)
    {
        if (!_orders.TryFind(e.OrderId, out var slot))
        {
            return;
        }

        ref var order = ref _orders[slot];
        var side = SideOf(order.Side);
        if (e.Price == order.Price && e.LeavesQuantity < order.Leaves)
        {
            side.Reduce(slot, order.Leaves - e.LeavesQuantity);
            return;
        }

        side.Unlink(slot);
        order.Price = e.Price;
        order.Leaves = e.LeavesQuantity;
        side.Append(slot);
    }
}
