using System.Buffers.Binary;
using System.IO.Hashing;
using LoomExchange.Engine.Book;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Engine;

public sealed partial class OrderBook
{
    /// <summary>The complete state as a value (allocates; taken off the hot path, e.g. every N events).</summary>
    public BookSnapshot Export()
    {
        var orders = new List<BookOrder>(_orders.Count);
        CollectOrders(_bids, orders);
        CollectOrders(_asks, orders);
        return new BookSnapshot
        {
            Symbol = Symbol,
            Sequence = _sequence,
            NextOrderId = _nextOrderId,
            NextTradeId = _nextTradeId,
            LastTradePrice = _lastTradePrice,
            Orders = orders,
        };
    }

    /// <summary>Rebuilds a book from <paramref name="snapshot"/>; later events are then applied with <see cref="Apply"/>.</summary>
    public static OrderBook Import(InstrumentSpec spec, BookSnapshot snapshot, OrderBookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Symbol != spec.Symbol)
        {
            throw new ArgumentException($"snapshot of {snapshot.Symbol} cannot be imported into a book of {spec.Symbol}", nameof(snapshot));
        }

        var book = new OrderBook(spec, options)
        {
            _sequence = snapshot.Sequence,
            _nextOrderId = snapshot.NextOrderId,
            _nextTradeId = snapshot.NextTradeId,
            _lastTradePrice = snapshot.LastTradePrice,
        };
        foreach (var order in snapshot.Orders)
        {
            if (book._orders.TryFind(order.OrderId, out _))
            {
                throw new ArgumentException($"snapshot of {snapshot.Symbol} lists order {order.OrderId} twice", nameof(snapshot));
            }

            book.Rest(new Taker
            {
                OrderId = order.OrderId,
                AccountId = order.AccountId,
                ClientOrderId = order.ClientOrderId,
                LimitPrice = order.Price,
                Leaves = order.LeavesQuantity,
                ExpireAt = order.ExpireAt,
                Side = order.Side,
                TimeInForce = order.TimeInForce,
                SelfTradePrevention = order.SelfTradePrevention,
                PostOnly = order.PostOnly,
            });
        }

        if (book.TryGetBest(Messages.Orders.Side.Buy, out var bid) && book.TryGetBest(Messages.Orders.Side.Sell, out var ask) && bid.Price >= ask.Price)
        {
            throw new ArgumentException($"snapshot of {snapshot.Symbol} is crossed: best bid {bid.Price} >= best ask {ask.Price}", nameof(snapshot));
        }

        return book;
    }

    /// <summary>
    /// A 64-bit XxHash of the complete book state (counters and every resting order in priority order):
    /// equal books have equal hashes, so live, replayed and restored books can be compared cheaply.
    /// </summary>
    public ulong ComputeStateHash()
    {
        var hash = new XxHash64();
        Span<byte> buffer = stackalloc byte[8];
        void Add(long value, Span<byte> scratch)
        {
            BinaryPrimitives.WriteInt64LittleEndian(scratch, value);
            hash.Append(scratch);
        }

        Add(_sequence, buffer);
        Add(_nextOrderId, buffer);
        Add(_nextTradeId, buffer);
        Add(_lastTradePrice, buffer);
        foreach (var side in (ReadOnlySpan<BookSide>)[_bids, _asks])
        {
            Add(side.LevelCount, buffer);
            for (var rank = 0; rank < side.LevelCount; rank++)
            {
                ref var level = ref side.Level(side.SlotAtRank(rank));
                Add(level.Price, buffer);
                Add(level.Quantity, buffer);
                Add(level.OrderCount, buffer);
                for (var slot = level.Head; slot >= 0; slot = _orders[slot].Next)
                {
                    ref var o = ref _orders[slot];
                    Add(o.OrderId, buffer);
                    Add(o.AccountId, buffer);
                    Add(o.ClientOrderId, buffer);
                    Add(o.Price, buffer);
                    Add(o.Leaves, buffer);
                    Add(o.ExpireAt, buffer);
                    Add(((long)o.Side << 24) | ((long)o.TimeInForce << 16) | ((long)o.SelfTradePrevention << 8) | (o.PostOnly ? 1L : 0L), buffer);
                }
            }
        }

        return hash.GetCurrentHashAsUInt64();
    }

    private void CollectOrders(BookSide side, List<BookOrder> into)
    {
        for (var rank = 0; rank < side.LevelCount; rank++)
        {
            for (var slot = side.Level(side.SlotAtRank(rank)).Head; slot >= 0; slot = _orders[slot].Next)
            {
                into.Add(ToBookOrder(slot));
            }
        }
    }
}
