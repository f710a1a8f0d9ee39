using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

public sealed partial class OrderBook
{
    private void Cancel(in OrderCommand command, OrderEventBuffer events)
    {
        if (!TryFindOwnOrder(command, out var slot))
        {
            EmitRejected(command, RejectReason.UnknownOrder, events);
            return;
        }

        EmitCancelled(ref _orders[slot], CancelReason.Requested, command.Timestamp, events);
        RemoveResting(slot);
    }

    /// <summary>
    /// Quantity down at the same price: in place, priority kept. Otherwise the order leaves its level, may
    /// trade if the new price crosses (as a taker, with its own self-trade mode), and rests at the back.
    /// </summary>
    private void Amend(in OrderCommand command, OrderEventBuffer events)
    {
        if (!TryFindOwnOrder(command, out var slot))
        {
            EmitRejected(command, RejectReason.UnknownOrder, events);
            return;
        }

        ref var order = ref _orders[slot];
        var reason = _rules.CheckAmend(order.Price, command, ReferencePrice);
        if (reason == RejectReason.None)
        {
            if (command.Price == order.Price && command.Quantity == order.Leaves)
            {
                reason = RejectReason.AmendNoChange;
            }
            else if (order.PostOnly && CrossesOpposite(order.Side, command.Price))
            {
                reason = RejectReason.PostOnlyWouldCross;
            }
        }

        if (reason != RejectReason.None)
        {
            EmitRejected(command, reason, events);
            return;
        }

        var now = command.Timestamp;
        var side = SideOf(order.Side);
        var previousLeaves = order.Leaves;
        if (command.Price == order.Price && command.Quantity < previousLeaves)
        {
            side.Reduce(slot, previousLeaves - command.Quantity);
            EmitAmended(ref order, previousLeaves, now, events);
            return;
        }

        side.Unlink(slot);
        order.Price = command.Price;
        order.Leaves = command.Quantity;
        EmitAmended(ref order, previousLeaves, now, events);
        if (CrossesOpposite(order.Side, order.Price))
        {
            var taker = new Taker
            {
                OrderId = order.OrderId,
                AccountId = order.AccountId,
                ClientOrderId = order.ClientOrderId,
                LimitPrice = order.Price,
                Quantity = order.Leaves,
                Leaves = order.Leaves,
                ExpireAt = order.ExpireAt,
                Side = order.Side,
                OrderType = OrderType.Limit,
                TimeInForce = order.TimeInForce,
                SelfTradePrevention = order.SelfTradePrevention,
                PostOnly = order.PostOnly,
            };
            Match(ref taker, now, events);
            if (taker.StoppedBySelfTrade || taker.Leaves == 0)
            {
                _orders.Remove(slot);
                return;
            }

            _orders[slot].Leaves = taker.Leaves;
        }

        side.Append(slot);
    }

    /// <summary>Cancels every resting order of the account: bids then asks, each from the best price, oldest first.</summary>
    private void MassCancel(in OrderCommand command, OrderEventBuffer events)
    {
        CancelAccountOrders(_bids, command.AccountId, command.Timestamp, events);
        CancelAccountOrders(_asks, command.AccountId, command.Timestamp, events);
    }

    private void CancelAccountOrders(Book.BookSide side, long accountId, long now, OrderEventBuffer events)
    {
        var rank = 0;
        while (rank < side.LevelCount)
        {
            var levelSlot = side.SlotAtRank(rank);
            var levelRemoved = false;
            var slot = side.Level(levelSlot).Head;
            while (slot >= 0)
            {
                ref var order = ref _orders[slot];
                var next = order.Next;
                if (order.AccountId == accountId)
                {
                    levelRemoved = side.Level(levelSlot).OrderCount == 1;
                    EmitCancelled(ref order, CancelReason.MassCancel, now, events);
                    RemoveResting(slot);
                }

                slot = next;
            }

            // Removing a level shifts the worse levels up one rank, so the same rank is visited again.
            if (!levelRemoved)
            {
                rank++;
            }
        }
    }

    /// <summary>Finds the command's target order; another account's order counts as unknown, so ids leak nothing.</summary>
    private bool TryFindOwnOrder(in OrderCommand command, out int slot) =>
        _orders.TryFind(command.OrderId, out slot) && _orders[slot].AccountId == command.AccountId;
}
