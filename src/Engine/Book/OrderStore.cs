namespace LoomExchange.Engine.Book;

/// <summary>
/// Pool of <see cref="RestingOrder"/> slots with an order-id index. Slots are reused through a free list,
/// so once the pool has grown to the book's working size, adding and removing orders allocates nothing.
/// </summary>
internal sealed class OrderStore
{
    private readonly Dictionary<long, int> _slotByOrderId;
    private RestingOrder[] _orders;
    private int _highWater;
    private int _freeHead = -1;

    public OrderStore(int initialCapacity)
    {
        var capacity = Math.Max(16, initialCapacity);
        _orders = new RestingOrder[capacity];
        _slotByOrderId = new Dictionary<long, int>(capacity);
    }

    public int Count => _slotByOrderId.Count;

    public ref RestingOrder this[int slot] => ref _orders[slot];

    /// <summary>Takes a free slot for <paramref name="orderId"/>, cleared, and indexes it.</summary>
    public int Add(long orderId)
    {
        int slot;
        if (_freeHead >= 0)
        {
            slot = _freeHead;
            _freeHead = _orders[slot].Next;
        }
        else
        {
            if (_highWater == _orders.Length)
            {
                Array.Resize(ref _orders, _orders.Length * 2);

                // Grow the index with the pool, once, rather than let it rehash on its own schedule later.
                _slotByOrderId.EnsureCapacity(_orders.Length);
            }

            slot = _highWater++;
        }

        _orders[slot] = new RestingOrder { OrderId = orderId, Level = -1, Prev = -1, Next = -1 };
        _slotByOrderId.Add(orderId, slot);
        return slot;
    }

    /// <summary>Removes the order in <paramref name="slot"/> from the index and returns the slot to the pool.</summary>
    public void Remove(int slot)
    {
        _slotByOrderId.Remove(_orders[slot].OrderId);
        _orders[slot] = new RestingOrder { Level = -1, Prev = -1, Next = _freeHead };
        _freeHead = slot;
    }

    public bool TryFind(long orderId, out int slot) => _slotByOrderId.TryGetValue(orderId, out slot);
}
