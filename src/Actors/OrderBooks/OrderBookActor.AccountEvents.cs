using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks;

public sealed partial class OrderBookActor
{
    /// <summary>
    /// Sends the journaled events that the command senders' replies do not cover (maker sides of trades, expiries)
    /// to the node's account-events target, so that those accounts' sessions hear of them. Only after the batch is
    /// durable, like every other reply; nothing is sent for batches without such events.
    /// </summary>
    private void PublishAccountEvents(OrderEvent[] events)
    {
        if (_accountEvents is null)
        {
            return;
        }

        var count = 0;
        foreach (ref readonly var e in events.AsSpan())
        {
            if (e.Type is EventType.Trade or EventType.Expired)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return;
        }

        var selected = new OrderEvent[count];
        var next = 0;
        foreach (ref readonly var e in events.AsSpan())
        {
            if (e.Type is EventType.Trade or EventType.Expired)
            {
                selected[next++] = e;
            }
        }

        _accountEvents.Tell(new AccountEvents(_symbol, selected), Self);
    }
}
