using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks;

/// <summary>
/// The generator's view of the resting orders, kept from the simulated book's events, so that cancels and
/// amends always name an order that is resting, with its real owner, price and open quantity.
/// </summary>
internal sealed class RestingOrderTracker
{
    private readonly Dictionary<long, int> _indexById = [];
    private readonly List<TrackedOrder> _orders = [];

    public int Count => _orders.Count;

    public TrackedOrder this[int index] => _orders[index];

    /// <summary>Applies one event of the simulated book.</summary>
    public void Apply(in OrderEvent e)
    {
        switch (e.Type)
        {
            case EventType.Accepted when e.OrderType == OrderType.Limit && e.TimeInForce is TimeInForce.Gtc or TimeInForce.Gtd:
                Add(new TrackedOrder(e.OrderId, e.AccountId, e.Side, e.Price, e.Quantity));
                break;
            case EventType.Trade:
                SetLeaves(e.OrderId, e.LeavesQuantity);
                SetLeaves(e.MakerOrderId, e.MakerLeavesQuantity);
                break;
            case EventType.Cancelled:
            case EventType.Expired:
                Remove(e.OrderId);
                break;
            case EventType.Amended:
                if (_indexById.TryGetValue(e.OrderId, out var index))
                {
                    _orders[index] = _orders[index] with { Price = e.Price, Leaves = e.LeavesQuantity };
                }

                break;
            default:
                break;
        }
    }

    private void Add(TrackedOrder order)
    {
        _indexById.Add(order.OrderId, _orders.Count);
        _orders.Add(order);
    }

    private void SetLeaves(long orderId, long leaves)
    {
        if (!_indexById.TryGetValue(orderId, out var index))
        {
            return;
        }

        if (leaves == 0)
        {
            Remove(orderId);
        }
        else
        {
            _orders[index] = _orders[index] with { Leaves = leaves };
        }
    }

    private void Remove(long orderId)
    {
        if (!_indexById.Remove(orderId, out var index))
        {
            return;
        }

        // Swap with the last entry so that removal is O(1) and a random pick stays uniform.
        var last = _orders.Count - 1;
        if (index != last)
        {
            var moved = _orders[last];
            _orders[index] = moved;
            _indexById[moved.OrderId] = index;
        }

        _orders.RemoveAt(last);
    }
}

internal readonly record struct TrackedOrder(long OrderId, long AccountId, Side Side, long Price, long Leaves);
