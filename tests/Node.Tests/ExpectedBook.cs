namespace LoomExchange.Node.Tests;

/// <summary>One resting order as a client can check it: id, limit price and open quantity.</summary>
public sealed record ExpectedOrder(long OrderId, decimal Price, decimal Leaves)
{
    public static ExpectedOrder Of(RestingOrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new ExpectedOrder(order.OrderId, OrderApi.Number(order.Price), OrderApi.Number(order.LeavesQuantity));
    }
}

/// <summary>
/// The resting orders of one book as its acknowledged events say they must be: Accepted adds an order,
/// Trade sets the taker's open quantity and reduces the maker's, Cancelled and Expired remove, Amended sets
/// price and open quantity. Built only from a complete event history (every sequence from 1 on).
/// </summary>
public sealed class ExpectedBook
{
    private readonly SortedDictionary<long, ExpectedOrder> _orders = [];

    private ExpectedBook()
    {
    }

    /// <summary>The highest sequence of the events applied.</summary>
    public long Sequence { get; private set; }

    /// <summary>Resting orders by order id.</summary>
    public IReadOnlyList<ExpectedOrder> Orders => [.. _orders.Values];

    /// <summary>Applies the events in sequence order; fails if one is missing or reported twice (the history would not be complete).</summary>
    public static ExpectedBook FromEvents(string symbol, IEnumerable<EventView> events)
    {
        var book = new ExpectedBook();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            Assert.True(e.Sequence == book.Sequence + 1, $"{symbol}: acknowledged events jump from sequence {book.Sequence} to {e.Sequence}");
            book.Apply(e);
        }

        return book;
    }

    private void Apply(EventView e)
    {
        Sequence = e.Sequence;
        switch (e.Type)
        {
            case "Accepted":
                _orders[e.OrderId] = new ExpectedOrder(e.OrderId, OrderApi.Number(e.Price), OrderApi.Number(e.LeavesQuantity));
                break;
            case "Trade":
                var maker = e.MakerOrderId ?? throw new InvalidOperationException($"trade {e.TradeId} without a maker order id");
                SetLeaves(e.OrderId, OrderApi.Number(e.LeavesQuantity));
                SetLeaves(maker, _orders[maker].Leaves - OrderApi.Number(e.Quantity));
                break;
            case "Cancelled":
            case "Expired":
                _orders.Remove(e.OrderId);
                break;
            case "Amended":
                _orders[e.OrderId] = new ExpectedOrder(e.OrderId, OrderApi.Number(e.Price), OrderApi.Number(e.LeavesQuantity));
                break;
            case "Rejected":
                break;
            default:
                throw new InvalidOperationException($"unknown event type {e.Type}");
        }
    }

    private void SetLeaves(long orderId, decimal leaves)
    {
        if (leaves == 0)
        {
            _orders.Remove(orderId);
        }
        else
        {
            _orders[orderId] = _orders[orderId] with { Leaves = leaves };
        }
    }
}
