using LoomExchange.Messages.Orders;

namespace LoomExchange.Cli.Bench;

/// <summary>This connection's orders believed to rest in one book: O(1) add, remove and random pick.</summary>
internal sealed class RestingOrders
{
    // Beyond this, new orders are not tracked (they still rest): bounds memory on long runs.
    private const int Capacity = 10_000;
    private readonly List<(long OrderId, Side Side)> _orders = [];
    private readonly Dictionary<long, int> _index = [];

    public int Count => _orders.Count;

    public void Add(long orderId, Side side)
    {
        if (_orders.Count < Capacity && _index.TryAdd(orderId, _orders.Count))
        {
            _orders.Add((orderId, side));
        }
    }

    public void Remove(long orderId)
    {
        if (!_index.Remove(orderId, out var slot))
        {
            return;
        }

        var last = _orders.Count - 1;
        if (slot != last)
        {
            _orders[slot] = _orders[last];
            _index[_orders[slot].OrderId] = slot;
        }

        _orders.RemoveAt(last);
    }

    public (long OrderId, Side Side) Pick(Random random) => _orders[random.Next(_orders.Count)];
}
