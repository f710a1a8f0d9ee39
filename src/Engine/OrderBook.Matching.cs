using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

public sealed partial class OrderBook
{
    /// <summary>
    /// Trades the taker against the opposite side in price-time priority until it is filled, its limit no
    /// longer crosses, the side is empty, or self-trade prevention stops it. Trades print at the maker's price.
    /// </summary>
    private void Match(ref Taker taker, long now, OrderEventBuffer events)
    {
        var opposite = OppositeOf(taker.Side);
        var isLimit = taker.OrderType == OrderType.Limit;
        while (taker.Leaves > 0)
        {
            var levelSlot = opposite.BestSlot;
            if (levelSlot < 0)
            {
                return;
            }

            ref var level = ref opposite.Level(levelSlot);
            var price = level.Price;
            if (isLimit && !Crosses(taker.Side, taker.LimitPrice, price))
            {
                return;
            }

            var makerSlot = level.Head;
            ref var maker = ref _orders[makerSlot];
            if (taker.SelfTradePrevention != SelfTradePrevention.None && maker.AccountId == taker.AccountId)
            {
                if (PreventSelfTrade(ref taker, makerSlot, now, events))
                {
                    return;
                }

                continue;
            }

            var quantity = Math.Min(taker.Leaves, maker.Leaves);
            taker.Leaves -= quantity;
            opposite.Reduce(makerSlot, quantity);
            _lastTradePrice = price;
            EmitTrade(taker, ref maker, price, quantity, now, events);
            if (maker.Leaves == 0)
            {
                RemoveResting(makerSlot);
            }
        }
    }

    /// <summary>Applies the taker's self-trade prevention mode; true when the taker's remainder was cancelled.</summary>
    private bool PreventSelfTrade(ref Taker taker, int makerSlot, long now, OrderEventBuffer events)
    {
        var mode = taker.SelfTradePrevention;
        if (mode is SelfTradePrevention.CancelOldest or SelfTradePrevention.CancelBoth)
        {
            EmitCancelled(ref _orders[makerSlot], CancelReason.SelfTradePrevention, now, events);
            RemoveResting(makerSlot);
        }

        if (mode is SelfTradePrevention.CancelNewest or SelfTradePrevention.CancelBoth)
        {
            EmitCancelled(taker, CancelReason.SelfTradePrevention, now, events);
            taker.StoppedBySelfTrade = true;
            return true;
        }

        return false;
    }
}
