using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Book;

/// <summary>
/// One side of the book: pooled price levels kept in price order, each a FIFO queue of order slots.
/// </summary>
/// <remarks>
/// Levels are ordered by a key that rises towards the best price (the price for bids, minus the price for
/// asks), in one sorted array with the best level last. Activity clusters at the top of the book, so new
/// and emptied levels sit at or near the end of the array and inserting or removing one moves few entries;
/// the best level is read in O(1). A balanced tree would win only for books with many thousands of levels
/// churning deep in the book, which is not how order flow behaves.
/// </remarks>
internal sealed class BookSide
{
    private readonly OrderStore _orders;
    private PriceLevel[] _levels;
    private int _levelsHighWater;
    private int _freeLevel = -1;
    private long[] _keys;
    private int[] _slots;
    private int _count;

    public BookSide(Side side, OrderStore orders, int initialLevels)
    {
        Side = side;
        _orders = orders;
        var capacity = Math.Max(16, initialLevels);
        _levels = new PriceLevel[capacity];
        _keys = new long[capacity];
        _slots = new int[capacity];
    }

    public Side Side { get; }

    public int LevelCount => _count;

    /// <summary>Slot of the best level, or -1 when the side is empty.</summary>
    public int BestSlot => _count == 0 ? -1 : _slots[_count - 1];

    public ref PriceLevel Level(int slot) => ref _levels[slot];

    /// <summary>Slot of the level at <paramref name="rank"/> (0 = best).</summary>
    public int SlotAtRank(int rank) => _slots[_count - 1 - rank];

    /// <summary>Queues the order in <paramref name="orderSlot"/> at the tail of its price's level, creating the level if needed.</summary>
    public void Append(int orderSlot)
    {
        ref var order = ref _orders[orderSlot];
        var levelSlot = FindOrAddLevel(order.Price);
        ref var level = ref _levels[levelSlot];
        order.Level = levelSlot;
        order.Prev = level.Tail;
        order.Next = -1;
        if (level.Tail >= 0)
        {
            _orders[level.Tail].Next = orderSlot;
        }
        else
        {
            level.Head = orderSlot;
        }

        level.Tail = orderSlot;
        level.OrderCount++;
        level.Quantity += order.Leaves;
    }

    /// <summary>Takes the order out of its level's queue (O(1)); removes the level when it empties.</summary>
    public void Unlink(int orderSlot)
    {
        ref var order = ref _orders[orderSlot];
        var levelSlot = order.Level;
        ref var level = ref _levels[levelSlot];
        if (order.Prev >= 0)
        {
            _orders[order.Prev].Next = order.Next;
        }
        else
        {
            level.Head = order.Next;
        }

        if (order.Next >= 0)
        {
            _orders[order.Next].Prev = order.Prev;
        }
        else
        {
            level.Tail = order.Prev;
        }

        level.OrderCount--;
        level.Quantity -= order.Leaves;
        order.Level = -1;
        order.Prev = -1;
        order.Next = -1;
        if (level.OrderCount == 0)
        {
            RemoveLevel(levelSlot);
        }
    }

    /// <summary>Reduces a queued order's open quantity in place (it keeps its time priority).</summary>
    public void Reduce(int orderSlot, long quantity)
    {
        ref var order = ref _orders[orderSlot];
        order.Leaves -= quantity;
        _levels[order.Level].Quantity -= quantity;
    }

    private long KeyOf(long price) => Side == Side.Buy ? price : -price;

    private int FindOrAddLevel(long price)
    {
        var key = KeyOf(price);
        int index;
        if (_count == 0 || key > _keys[_count - 1])
        {
            // A new best level: the common case when the book moves, and no search is needed.
            index = _count;
        }
        else
        {
            index = _keys.AsSpan(0, _count).BinarySearch(key);
            if (index >= 0)
            {
                return _slots[index];
            }

            index = ~index;
        }

        var slot = TakeLevelSlot(price);
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        if (index < _count)
        {
            Array.Copy(_keys, index, _keys, index + 1, _count - index);
            Array.Copy(_slots, index, _slots, index + 1, _count - index);
        }

        _keys[index] = key;
        _slots[index] = slot;
        _count++;
        return slot;
    }

    private void RemoveLevel(int levelSlot)
    {
        var key = KeyOf(_levels[levelSlot].Price);
        var index = _count - 1;
        if (_keys[index] != key)
        {
            index = _keys.AsSpan(0, _count).BinarySearch(key);
            Array.Copy(_keys, index + 1, _keys, index, _count - index - 1);
            Array.Copy(_slots, index + 1, _slots, index, _count - index - 1);
        }

        _count--;
        _levels[levelSlot] = new PriceLevel { Head = -1, Tail = -1, NextFree = _freeLevel };
        _freeLevel = levelSlot;
    }

    private int TakeLevelSlot(long price)
    {
        int slot;
        if (_freeLevel >= 0)
        {
            slot = _freeLevel;
            _freeLevel = _levels[slot].NextFree;
        }
        else
        {
            if (_levelsHighWater == _levels.Length)
            {
                Array.Resize(ref _levels, _levels.Length * 2);
            }

            slot = _levelsHighWater++;
        }

        _levels[slot] = new PriceLevel { Price = price, Head = -1, Tail = -1, NextFree = -1 };
        return slot;
    }
}
