using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

public sealed partial class OrderBook
{
    // Stage order for a new order: static checks -> book checks -> accept -> match -> rest or cancel remainder.
    private void Place(in OrderCommand command, OrderEventBuffer events)
    {
        var reason = _rules.CheckPlace(command, ReferencePrice);
        if (reason == RejectReason.None)
        {
            if (command.PostOnly && CrossesOpposite(command.Side, command.Price))
            {
                reason = RejectReason.PostOnlyWouldCross;
            }
            else if (command.OrderType == OrderType.Limit
                && command.TimeInForce is TimeInForce.Gtc or TimeInForce.Gtd
                && _orders.Count >= _maxOrders)
            {
                reason = RejectReason.BookFull;
            }
        }

        if (reason != RejectReason.None)
        {
            EmitRejected(command, reason, events);
            return;
        }

        var isMarket = command.OrderType == OrderType.Market;
        var taker = new Taker
        {
            OrderId = _nextOrderId++,
            AccountId = command.AccountId,
            ClientOrderId = command.ClientOrderId,
            LimitPrice = isMarket ? 0 : command.Price,
            Quantity = command.Quantity,
            Leaves = command.Quantity,
            ExpireAt = command.TimeInForce == TimeInForce.Gtd ? command.ExpireAt : 0,
            Side = command.Side,
            OrderType = command.OrderType,
            TimeInForce = command.TimeInForce,
            SelfTradePrevention = command.SelfTradePrevention,
            PostOnly = command.PostOnly,
        };
        var now = command.Timestamp;
        EmitAccepted(taker, now, events);

        if (taker.TimeInForce == TimeInForce.Fok && !CanFillCompletely(taker))
        {
            EmitCancelled(taker, CancelReason.FillOrKillUnfilled, now, events);
            return;
        }

        Match(ref taker, now, events);
        if (taker.StoppedBySelfTrade || taker.Leaves == 0)
        {
            return;
        }

        if (taker.TimeInForce is TimeInForce.Gtc or TimeInForce.Gtd)
        {
            Rest(taker);
        }
        else
        {
            EmitCancelled(taker, CancelReason.ImmediateRemainder, now, events);
        }
    }

    /// <summary>
    /// Fill-or-kill pre-check, without side effects: walks the liquidity the taker would meet exactly as
    /// <see cref="Match"/> would. Own orders that self-trade prevention would cancel (CancelOldest) are
    /// skipped; one that would stop the taker (CancelNewest, CancelBoth) ends the walk.
    /// </summary>
    private bool CanFillCompletely(in Taker taker)
    {
        var opposite = OppositeOf(taker.Side);
        var isLimit = taker.OrderType == OrderType.Limit;
        var available = 0L;
        for (var rank = 0; rank < opposite.LevelCount; rank++)
        {
            ref var level = ref opposite.Level(opposite.SlotAtRank(rank));
            if (isLimit && !Crosses(taker.Side, taker.LimitPrice, level.Price))
            {
                return false;
            }

            for (var slot = level.Head; slot >= 0; slot = _orders[slot].Next)
            {
                ref var maker = ref _orders[slot];
                if (taker.SelfTradePrevention != SelfTradePrevention.None && maker.AccountId == taker.AccountId)
                {
                    if (taker.SelfTradePrevention == SelfTradePrevention.CancelOldest)
                    {
                        continue;
                    }

                    return false;
                }

                available += maker.Leaves;
                if (available >= taker.Leaves)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
