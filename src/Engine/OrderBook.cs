using LoomExchange.Engine.Book;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine;

/// <summary>
/// The limit order book of one symbol: a pure, deterministic state machine. <see cref="Process"/> turns a
/// command into events written to the caller's buffer; <see cref="Apply"/> rebuilds state from those events.
/// Price-time priority; O(1) best price and cancel; pooled orders and levels, so steady state allocates nothing.
/// </summary>
/// <remarks>Not thread-safe: one owner (an actor) drives it.</remarks>
public sealed partial class OrderBook
{
    private readonly OrderRules _rules;
    private readonly OrderStore _orders;
    private readonly BookSide _bids;
    private readonly BookSide _asks;
    private readonly ExpiryQueue _expiries;
    private readonly int _maxOrders;
    private long _sequence;
    private long _nextOrderId = 1;
    private long _nextTradeId = 1;
    private long _lastTradePrice;

    public OrderBook(InstrumentSpec spec, OrderBookOptions? options = null)
    {
        options ??= OrderBookOptions.Default;
        _rules = new OrderRules(spec);
        _orders = new OrderStore(options.InitialOrderCapacity);
        _bids = new BookSide(Side.Buy, _orders, options.InitialLevelCapacity);
        _asks = new BookSide(Side.Sell, _orders, options.InitialLevelCapacity);
        _expiries = new ExpiryQueue(64);
        _maxOrders = options.MaxOrders;
    }

    public InstrumentSpec Spec => _rules.Spec;

    public string Symbol => _rules.Spec.Symbol;

    /// <summary>Sequence number of the last event produced or applied (0 for a new book).</summary>
    public long Sequence => _sequence;

    /// <summary>Resting orders on both sides.</summary>
    public int OrderCount => _orders.Count;

    public long LastTradePrice => _lastTradePrice;

    /// <summary>The centre of the price band: the last trade price, or the spec's reference before any trade.</summary>
    public long ReferencePrice => _lastTradePrice > 0 ? _lastTradePrice : _rules.Spec.ReferencePrice;

    /// <summary>
    /// Executes one command. Good-till-date orders due at the command's timestamp expire first; then the
    /// command's own events follow. Every outcome, including a reject, is an event: nothing throws for bad input.
    /// </summary>
    public void Process(in OrderCommand command, OrderEventBuffer events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ExpireDue(command.Timestamp, events);
        switch (command.Type)
        {
            case CommandType.Place:
                Place(command, events);
                break;
            case CommandType.Cancel:
                Cancel(command, events);
                break;
            case CommandType.Amend:
                Amend(command, events);
                break;
            case CommandType.MassCancel:
                MassCancel(command, events);
                break;
            case CommandType.AdvanceTime:
                break;
            default:
                EmitRejected(command, RejectReason.InvalidCommand, events);
                break;
        }
    }

    public bool TryGetBest(Side side, out PriceLevelView level)
    {
        var bookSide = SideOf(side);
        var slot = bookSide.BestSlot;
        if (slot < 0)
        {
            level = default;
            return false;
        }

        ref var best = ref bookSide.Level(slot);
        level = new PriceLevelView(best.Price, best.Quantity, best.OrderCount);
        return true;
    }

    /// <summary>Writes the top levels of <paramref name="side"/>, best first, into <paramref name="destination"/>; returns how many.</summary>
    public int GetDepth(Side side, Span<PriceLevelView> destination)
    {
        var bookSide = SideOf(side);
        var count = Math.Min(destination.Length, bookSide.LevelCount);
        for (var rank = 0; rank < count; rank++)
        {
            ref var level = ref bookSide.Level(bookSide.SlotAtRank(rank));
            destination[rank] = new PriceLevelView(level.Price, level.Quantity, level.OrderCount);
        }

        return count;
    }

    public bool TryGetOrder(long orderId, out BookOrder order)
    {
        if (_orders.TryFind(orderId, out var slot))
        {
            order = ToBookOrder(slot);
            return true;
        }

        order = default;
        return false;
    }

    /// <summary>The resting orders of <paramref name="side"/> in priority order (allocates: for queries, not the hot path).</summary>
    public IReadOnlyList<BookOrder> GetOrders(Side side, int maxOrders = int.MaxValue)
    {
        var result = new List<BookOrder>();
        var bookSide = SideOf(side);
        for (var rank = 0; rank < bookSide.LevelCount && result.Count < maxOrders; rank++)
        {
            for (var slot = bookSide.Level(bookSide.SlotAtRank(rank)).Head; slot >= 0 && result.Count < maxOrders; slot = _orders[slot].Next)
            {
                result.Add(ToBookOrder(slot));
            }
        }

        return result;
    }

    private BookSide SideOf(Side side) => side == Side.Buy ? _bids : _asks;

    private BookSide OppositeOf(Side side) => side == Side.Buy ? _asks : _bids;

    private BookOrder ToBookOrder(int slot)
    {
        ref var o = ref _orders[slot];
        return new BookOrder(o.OrderId, o.AccountId, o.ClientOrderId, o.Side, o.TimeInForce, o.SelfTradePrevention, o.PostOnly, o.Price, o.Leaves, o.ExpireAt);
    }

    private void ExpireDue(long now, OrderEventBuffer events)
    {
        while (_expiries.TryTakeDue(now, out var orderId))
        {
            if (_orders.TryFind(orderId, out var slot))
            {
                EmitExpired(ref _orders[slot], now, events);
                RemoveResting(slot);
            }
        }
    }

    /// <summary>Queues a new resting order at the tail of its price level.</summary>
    private int Rest(in Taker order)
    {
        var slot = _orders.Add(order.OrderId);
        ref var resting = ref _orders[slot];
        resting.AccountId = order.AccountId;
        resting.ClientOrderId = order.ClientOrderId;
        resting.Side = order.Side;
        resting.TimeInForce = order.TimeInForce;
        resting.SelfTradePrevention = order.SelfTradePrevention;
        resting.PostOnly = order.PostOnly;
        resting.Price = order.LimitPrice;
        resting.Leaves = order.Leaves;
        resting.ExpireAt = order.ExpireAt;
        SideOf(order.Side).Append(slot);
        if (order.TimeInForce == TimeInForce.Gtd)
        {
            TrackExpiry(order.ExpireAt, order.OrderId);
        }

        return slot;
    }

    private void TrackExpiry(long expireAt, long orderId)
    {
        // Entries of orders cancelled or filled before expiry stay in the queue; purge once they dominate.
        if (_expiries.Count >= 64 && _expiries.Count > 2 * _orders.Count)
        {
            _expiries.Purge(_orders);
        }

        _expiries.Add(expireAt, orderId);
    }

    private void RemoveResting(int slot)
    {
        SideOf(_orders[slot].Side).Unlink(slot);
        _orders.Remove(slot);
    }

    private bool CrossesOpposite(Side side, long price)
    {
        var opposite = OppositeOf(side);
        var best = opposite.BestSlot;
        return best >= 0 && Crosses(side, price, opposite.Level(best).Price);
    }

    /// <summary>Whether an order on <paramref name="side"/> limited at <paramref name="limit"/> trades with <paramref name="restingPrice"/>.</summary>
    private static bool Crosses(Side side, long limit, long restingPrice) =>
        side == Side.Buy ? restingPrice <= limit : restingPrice >= limit;
}
