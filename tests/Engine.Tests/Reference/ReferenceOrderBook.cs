using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Reference;

/// <summary>
/// A deliberately naive order book written from <c>docs/engine.md</c>, used as a test oracle for
/// <see cref="OrderBook"/>. Resting orders live in one plain list; the book's priority order is recomputed
/// with LINQ whenever it is needed. Slow, allocating and obviously correct is the point: nothing here
/// shares structure with the engine except the static checks of <see cref="OrderRules"/>.
/// </summary>
public sealed class ReferenceOrderBook
{
    private readonly OrderRules _rules;
    private readonly int _maxOrders;
    private readonly List<WorkingOrder> _resting = [];
    private long _sequence;
    private long _nextOrderId = 1;
    private long _nextTradeId = 1;
    private long _lastTradePrice;

    // Time priority: an order that joins the tail of a level takes the next arrival number.
    private long _arrivals;

    public ReferenceOrderBook(InstrumentSpec spec, OrderBookOptions? options = null)
    {
        _rules = new OrderRules(spec);
        _maxOrders = (options ?? OrderBookOptions.Default).MaxOrders;
    }

    public int OrderCount => _resting.Count;

    private long ReferencePrice => _lastTradePrice > 0 ? _lastTradePrice : _rules.Spec.ReferencePrice;

    /// <summary>Every resting order in priority order: bids best price first, then asks best price first, oldest first within a price.</summary>
    public IReadOnlyList<BookOrder> RestingOrders() =>
        [.. SideInPriority(Side.Buy).Concat(SideInPriority(Side.Sell)).Select(o => o.ToBookOrder())];

    /// <summary>The whole state in the engine's snapshot shape, for comparison with <see cref="OrderBook.Export"/>.</summary>
    public BookSnapshot ToSnapshot() => new()
    {
        Symbol = _rules.Spec.Symbol,
        Sequence = _sequence,
        NextOrderId = _nextOrderId,
        NextTradeId = _nextTradeId,
        LastTradePrice = _lastTradePrice,
        Orders = RestingOrders(),
    };

    /// <summary>Runs one command and returns the events it produced, in order.</summary>
    public List<OrderEvent> Process(OrderCommand command)
    {
        var events = new List<OrderEvent>();
        var now = command.Timestamp;

        // 1. Expiry first, for every command: earliest expiry first, ties by lower order id.
        var due = _resting
            .Where(o => o.TimeInForce == TimeInForce.Gtd && o.ExpireAt <= now)
            .OrderBy(o => o.ExpireAt)
            .ThenBy(o => o.OrderId)
            .ToList();
        foreach (var order in due)
        {
            _resting.Remove(order);
            events.Add(OrderEventOf(EventType.Expired, order, order.Leaves, 0, now));
        }

        // 2. The command itself.
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
                events.Add(Rejected(command, RejectReason.InvalidCommand));
                break;
        }

        return events;
    }

    private void Place(OrderCommand command, List<OrderEvent> events)
    {
        var reason = _rules.CheckPlace(command, ReferencePrice);
        if (reason == RejectReason.None && command.PostOnly && WouldCross(command.Side, command.Price))
        {
            reason = RejectReason.PostOnlyWouldCross;
        }

        var canRest = command.OrderType == OrderType.Limit
            && (command.TimeInForce == TimeInForce.Gtc || command.TimeInForce == TimeInForce.Gtd);
        if (reason == RejectReason.None && canRest && _resting.Count >= _maxOrders)
        {
            reason = RejectReason.BookFull;
        }

        if (reason != RejectReason.None)
        {
            events.Add(Rejected(command, reason));
            return;
        }

        var now = command.Timestamp;
        var order = new WorkingOrder
        {
            OrderId = _nextOrderId++,
            AccountId = command.AccountId,
            ClientOrderId = command.ClientOrderId,
            Side = command.Side,
            OrderType = command.OrderType,
            TimeInForce = command.TimeInForce,
            SelfTradePrevention = command.SelfTradePrevention,
            PostOnly = command.PostOnly,
            Price = command.OrderType == OrderType.Market ? 0 : command.Price,
            Leaves = command.Quantity,
            ExpireAt = command.TimeInForce == TimeInForce.Gtd ? command.ExpireAt : 0,
        };
        events.Add(OrderEventOf(EventType.Accepted, order, command.Quantity, command.Quantity, now));

        if (order.TimeInForce == TimeInForce.Fok && !CanFillCompletely(order))
        {
            events.Add(OrderEventOf(EventType.Cancelled, order, order.Leaves, 0, now) with { CancelReason = CancelReason.FillOrKillUnfilled });
            return;
        }

        var stopped = MatchAgainstBook(order, now, events);
        if (stopped || order.Leaves == 0)
        {
            return;
        }

        if (canRest)
        {
            JoinTail(order);
        }
        else
        {
            events.Add(OrderEventOf(EventType.Cancelled, order, order.Leaves, 0, now) with { CancelReason = CancelReason.ImmediateRemainder });
        }
    }

    /// <summary>Walks the opposite side as matching would, without changing anything.</summary>
    private bool CanFillCompletely(WorkingOrder taker)
    {
        var counted = 0L;
        foreach (var maker in Opposite(taker.Side))
        {
            if (!Reaches(taker, maker.Price))
            {
                return false;
            }

            if (IsSelfTrade(taker, maker))
            {
                if (taker.SelfTradePrevention == SelfTradePrevention.CancelOldest)
                {
                    continue;
                }

                return false;
            }

            counted += maker.Leaves;
            if (counted >= taker.Leaves)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Trades the taker against the book; true when self-trade prevention cancelled the taker's remainder.</summary>
    private bool MatchAgainstBook(WorkingOrder taker, long now, List<OrderEvent> events)
    {
        while (taker.Leaves > 0)
        {
            var maker = Opposite(taker.Side).FirstOrDefault();
            if (maker is null || !Reaches(taker, maker.Price))
            {
                return false;
            }

            if (IsSelfTrade(taker, maker))
            {
                var mode = taker.SelfTradePrevention;
                if (mode is SelfTradePrevention.CancelOldest or SelfTradePrevention.CancelBoth)
                {
                    _resting.Remove(maker);
                    events.Add(OrderEventOf(EventType.Cancelled, maker, maker.Leaves, 0, now) with { CancelReason = CancelReason.SelfTradePrevention });
                }

                if (mode is SelfTradePrevention.CancelNewest or SelfTradePrevention.CancelBoth)
                {
                    events.Add(OrderEventOf(EventType.Cancelled, taker, taker.Leaves, 0, now) with { CancelReason = CancelReason.SelfTradePrevention });
                    return true;
                }

                continue;
            }

            var quantity = Math.Min(taker.Leaves, maker.Leaves);
            taker.Leaves -= quantity;
            maker.Leaves -= quantity;
            _lastTradePrice = maker.Price;
            events.Add(new OrderEvent
            {
                Type = EventType.Trade,
                Sequence = ++_sequence,
                Timestamp = now,
                OrderId = taker.OrderId,
                AccountId = taker.AccountId,
                ClientOrderId = taker.ClientOrderId,
                Side = taker.Side,
                OrderType = taker.OrderType,
                TimeInForce = taker.TimeInForce,
                SelfTradePrevention = taker.SelfTradePrevention,
                PostOnly = taker.PostOnly,
                Price = maker.Price,
                Quantity = quantity,
                LeavesQuantity = taker.Leaves,
                ExpireAt = taker.ExpireAt,
                TradeId = _nextTradeId++,
                MakerOrderId = maker.OrderId,
                MakerAccountId = maker.AccountId,
                MakerClientOrderId = maker.ClientOrderId,
                MakerLeavesQuantity = maker.Leaves,
            });
            if (maker.Leaves == 0)
            {
                _resting.Remove(maker);
            }
        }

        return false;
    }

    private void Cancel(OrderCommand command, List<OrderEvent> events)
    {
        var order = FindOwn(command);
        if (order is null)
        {
            events.Add(Rejected(command, RejectReason.UnknownOrder));
            return;
        }

        _resting.Remove(order);
        events.Add(OrderEventOf(EventType.Cancelled, order, order.Leaves, 0, command.Timestamp) with { CancelReason = CancelReason.Requested });
    }

    private void Amend(OrderCommand command, List<OrderEvent> events)
    {
        var order = FindOwn(command);
        if (order is null)
        {
            events.Add(Rejected(command, RejectReason.UnknownOrder));
            return;
        }

        var reason = _rules.CheckAmend(order.Price, command, ReferencePrice);
        if (reason == RejectReason.None && command.Price == order.Price && command.Quantity == order.Leaves)
        {
            reason = RejectReason.AmendNoChange;
        }

        if (reason == RejectReason.None && order.PostOnly && WouldCross(order.Side, command.Price))
        {
            reason = RejectReason.PostOnlyWouldCross;
        }

        if (reason != RejectReason.None)
        {
            events.Add(Rejected(command, reason));
            return;
        }

        var now = command.Timestamp;
        var before = order.Leaves;
        if (command.Price == order.Price && command.Quantity < before)
        {
            // Reduced in place: the order keeps its arrival number, hence its time priority.
            order.Leaves = command.Quantity;
            events.Add(OrderEventOf(EventType.Amended, order, before, order.Leaves, now));
            return;
        }

        _resting.Remove(order);
        order.Price = command.Price;
        order.Leaves = command.Quantity;
        events.Add(OrderEventOf(EventType.Amended, order, before, order.Leaves, now));

        // It takes liquidity like a new limit order, with its own self-trade mode (it can never be post-only here).
        var stopped = MatchAgainstBook(order, now, events);
        if (!stopped && order.Leaves > 0)
        {
            JoinTail(order);
        }
    }

    private void MassCancel(OrderCommand command, List<OrderEvent> events)
    {
        var own = SideInPriority(Side.Buy)
            .Concat(SideInPriority(Side.Sell))
            .Where(o => o.AccountId == command.AccountId)
            .ToList();
        foreach (var order in own)
        {
            _resting.Remove(order);
            events.Add(OrderEventOf(EventType.Cancelled, order, order.Leaves, 0, command.Timestamp) with { CancelReason = CancelReason.MassCancel });
        }
    }

    private WorkingOrder? FindOwn(OrderCommand command) =>
        _resting.SingleOrDefault(o => o.OrderId == command.OrderId && o.AccountId == command.AccountId);

    private void JoinTail(WorkingOrder order)
    {
        order.Arrival = ++_arrivals;
        _resting.Add(order);
    }

    private IEnumerable<WorkingOrder> SideInPriority(Side side) => side == Side.Buy
        ? _resting.Where(o => o.Side == Side.Buy).OrderByDescending(o => o.Price).ThenBy(o => o.Arrival)
        : _resting.Where(o => o.Side == Side.Sell).OrderBy(o => o.Price).ThenBy(o => o.Arrival);

    private IEnumerable<WorkingOrder> Opposite(Side side) => SideInPriority(side == Side.Buy ? Side.Sell : Side.Buy);

    /// <summary>Whether an order on <paramref name="side"/> at <paramref name="price"/> would meet the opposite best.</summary>
    private bool WouldCross(Side side, long price)
    {
        var best = Opposite(side).FirstOrDefault();
        return best is not null && (side == Side.Buy ? best.Price <= price : best.Price >= price);
    }

    /// <summary>Whether the taker's limit reaches a resting price; a market order reaches every price.</summary>
    private static bool Reaches(WorkingOrder taker, long restingPrice) =>
        taker.OrderType == OrderType.Market
        || (taker.Side == Side.Buy ? restingPrice <= taker.Price : restingPrice >= taker.Price);

    private static bool IsSelfTrade(WorkingOrder taker, WorkingOrder maker) =>
        taker.SelfTradePrevention != SelfTradePrevention.None && taker.AccountId == maker.AccountId;

    private OrderEvent Rejected(OrderCommand command, RejectReason reason) => new()
    {
        Type = EventType.Rejected,
        Sequence = ++_sequence,
        Timestamp = command.Timestamp,
        OrderId = command.OrderId,
        AccountId = command.AccountId,
        ClientOrderId = command.ClientOrderId,
        Side = command.Side,
        OrderType = command.OrderType,
        TimeInForce = command.TimeInForce,
        SelfTradePrevention = command.SelfTradePrevention,
        PostOnly = command.PostOnly,
        Price = command.Price,
        Quantity = command.Quantity,
        ExpireAt = command.ExpireAt,
        RejectedCommand = command.Type,
        RejectReason = reason,
    };

    /// <summary>An event that describes <paramref name="order"/> itself (accepted, cancelled, amended, expired).</summary>
    private OrderEvent OrderEventOf(EventType type, WorkingOrder order, long quantity, long leaves, long now) => new()
    {
        Type = type,
        Sequence = ++_sequence,
        Timestamp = now,
        OrderId = order.OrderId,
        AccountId = order.AccountId,
        ClientOrderId = order.ClientOrderId,
        Side = order.Side,
        OrderType = order.OrderType,
        TimeInForce = order.TimeInForce,
        SelfTradePrevention = order.SelfTradePrevention,
        PostOnly = order.PostOnly,
        Price = order.Price,
        Quantity = quantity,
        LeavesQuantity = leaves,
        ExpireAt = order.ExpireAt,
    };

    /// <summary>An order of the book, or the incoming order while it matches. Resting orders are always Limit.</summary>
    private sealed class WorkingOrder
    {
        public long OrderId { get; init; }

        public long AccountId { get; init; }

        public long ClientOrderId { get; init; }

        public Side Side { get; init; }

        public OrderType OrderType { get; init; }

        public TimeInForce TimeInForce { get; init; }

        public SelfTradePrevention SelfTradePrevention { get; init; }

        public bool PostOnly { get; init; }

        public long Price { get; set; }

        public long Leaves { get; set; }

        public long ExpireAt { get; init; }

        public long Arrival { get; set; }

        public BookOrder ToBookOrder() =>
            new(OrderId, AccountId, ClientOrderId, Side, TimeInForce, SelfTradePrevention, PostOnly, Price, Leaves, ExpireAt);
    }
}
