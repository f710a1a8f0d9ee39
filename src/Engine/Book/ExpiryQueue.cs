namespace LoomExchange.Engine.Book;

/// <summary>
/// Good-till-date orders by expiry time: a binary min-heap of (expireAt, orderId), earliest first, ties by
/// order id so that expiry order is deterministic. Entries of orders that left the book early are not
/// searched for; they are skipped when they surface, and purged when they outnumber the live ones.
/// </summary>
internal sealed class ExpiryQueue
{
    private Entry[] _heap;
    private int _count;

    public ExpiryQueue(int initialCapacity) => _heap = new Entry[Math.Max(16, initialCapacity)];

    public int Count => _count;

    public void Add(long expireAt, long orderId)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        _heap[_count] = new Entry(expireAt, orderId);
        SiftUp(_count++);
    }

    /// <summary>True and the earliest entry due at <paramref name="now"/> (expireAt &lt;= now), removed; false when none is due.</summary>
    public bool TryTakeDue(long now, out long orderId)
    {
        if (_count == 0 || _heap[0].ExpireAt > now)
        {
            orderId = 0;
            return false;
        }

        orderId = _heap[0].OrderId;
        _heap[0] = _heap[--_count];
        SiftDown(0);
        return true;
    }

    /// <summary>Drops entries whose order is no longer in <paramref name="orders"/> and restores the heap.</summary>
    public void Purge(OrderStore orders)
    {
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            if (orders.TryFind(_heap[i].OrderId, out _))
            {
                _heap[kept++] = _heap[i];
            }
        }

        _count = kept;
        for (var i = (_count / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private static bool Before(in Entry a, in Entry b) =>
        a.ExpireAt < b.ExpireAt || (a.ExpireAt == b.ExpireAt && a.OrderId < b.OrderId);

    private void SiftUp(int index)
    {
        var item = _heap[index];
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!Before(item, _heap[parent]))
            {
                break;
            }

            _heap[index] = _heap[parent];
            index = parent;
        }

        _heap[index] = item;
    }

    private void SiftDown(int index)
    {
        var item = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], item))
            {
                break;
            }

            _heap[index] = _heap[child];
            index = child;
        }

        _heap[index] = item;
    }

    private readonly record struct Entry(long ExpireAt, long OrderId);
}
