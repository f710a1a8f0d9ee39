using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

/// <summary>
/// An order book under specification: sends commands stamped with <see cref="Now"/> and returns the events
/// of that one command.
/// </summary>
internal sealed class BookFixture
{
    private readonly OrderEventBuffer _buffer = new();

    public BookFixture(InstrumentSpec spec, OrderBookOptions? options = null) => Book = new OrderBook(spec, options);

    public OrderBook Book { get; }

    /// <summary>The timestamp of the next command.</summary>
    public long Now { get; set; } = Given.T0;

    /// <summary>When set, the sequence and state hash after every command are recorded here.</summary>
    public List<(long Sequence, ulong StateHash)>? Checkpoints { get; set; }

    public OrderEvent[] Process(in OrderCommand command)
    {
        _buffer.Clear();
        Book.Process(command, _buffer);
        Checkpoints?.Add((Book.Sequence, Book.ComputeStateHash()));
        return _buffer.ToArray();
    }

    public OrderEvent[] Limit(
        Side side,
        long price,
        long quantity,
        long account = Given.Alice,
        TimeInForce tif = TimeInForce.Gtc,
        bool postOnly = false,
        SelfTradePrevention stp = SelfTradePrevention.None,
        long expireAt = 0,
        long clientOrderId = 0) =>
        Process(OrderCommand.Limit(account, clientOrderId, side, price, quantity, Now, tif, postOnly, stp, expireAt));

    public OrderEvent[] Market(
        Side side,
        long quantity,
        long account = Given.Alice,
        TimeInForce tif = TimeInForce.Ioc,
        SelfTradePrevention stp = SelfTradePrevention.None,
        long clientOrderId = 0) =>
        Process(OrderCommand.Market(account, clientOrderId, side, quantity, Now, tif, stp));

    /// <summary>Places a limit order that must rest without trading; returns its order id.</summary>
    public long Rest(
        Side side,
        long price,
        long quantity,
        long account = Given.Alice,
        TimeInForce tif = TimeInForce.Gtc,
        bool postOnly = false,
        SelfTradePrevention stp = SelfTradePrevention.None,
        long expireAt = 0,
        long clientOrderId = 0)
    {
        var accepted = Assert.Single(Limit(side, price, quantity, account, tif, postOnly, stp, expireAt, clientOrderId));
        Assert.Equal(EventType.Accepted, accepted.Type);
        Assert.True(Book.TryGetOrder(accepted.OrderId, out _), "the order should rest in the book");
        return accepted.OrderId;
    }

    public OrderEvent[] Cancel(long account, long orderId) => Process(OrderCommand.Cancel(account, orderId, Now));

    public OrderEvent[] Amend(long account, long orderId, long price, long quantity) =>
        Process(OrderCommand.Amend(account, orderId, price, quantity, Now));

    public OrderEvent[] MassCancel(long account) => Process(OrderCommand.MassCancel(account, Now));

    public OrderEvent[] AdvanceTo(long timestamp)
    {
        Now = timestamp;
        return Process(OrderCommand.AdvanceTime(timestamp));
    }

    /// <summary>Every resting order in priority order, as "Side #id leaves@price".</summary>
    public string[] Orders() => [.. Book.Export().Orders.Select(o => $"{o.Side} #{o.OrderId} {o.LeavesQuantity}@{o.Price}")];

    /// <summary>
    /// A day of mixed activity that produces every event type: rests, rejects, trades, partial fills, IOC and
    /// FOK outcomes, every self-trade prevention mode, amends in place, repriced and crossing, cancels, a mass
    /// cancel and expiries. Returns every event in order.
    /// </summary>
    public List<OrderEvent> PlayBusyDay()
    {
        var all = new List<OrderEvent>();
        void Run(OrderEvent[] events) => all.AddRange(events);

        Run(Limit(Side.Buy, 99_00, 10, Given.Alice, clientOrderId: 11));                    // #1 rests
        Run(Limit(Side.Buy, 99_00, 5, Given.Bob));                                          // #2 rests
        Run(Limit(Side.Buy, 98_00, 7, Given.Carol, TimeInForce.Gtd, expireAt: Now + 100));  // #3 rests until T0+100
        Run(Limit(Side.Sell, 101_00, 10, Given.Bob));                                       // #4 rests
        Run(Limit(Side.Sell, 102_00, 10, Given.Carol, postOnly: true));                     // #5 rests
        Run(Limit(Side.Sell, 101_00, 3, Given.Alice, TimeInForce.Gtd, expireAt: Now + 50)); // #6 rests behind #4
        Run(Limit(Side.Sell, 99_00, 1, Given.Alice, postOnly: true));                       // rejected: would cross
        Run(Limit(Side.Buy, 0, 1, Given.Alice));                                            // rejected: invalid price
        Run(Limit(Side.Buy, 101_00, 4, Given.Carol));                                       // #7 fills against #4
        Run(Market(Side.Sell, 12, Given.Carol));                                            // #8 fills #1, part of #2
        Run(Limit(Side.Buy, 101_00, 20, Given.Bob, stp: SelfTradePrevention.CancelOldest)); // #9 cancels #4, takes #6, rests
        Run(Limit(Side.Sell, 103_00, 50, Given.Alice, TimeInForce.Fok));                    // #10 killed
        Run(Limit(Side.Sell, 99_00, 50, Given.Alice, TimeInForce.Ioc));                     // #11 takes #9, #2; remainder cancelled
        Run(Limit(Side.Sell, 104_00, 8, Given.Bob));                                        // #12 rests
        Run(Limit(Side.Sell, 105_00, 8, Given.Alice));                                      // #13 rests
        Run(Limit(Side.Buy, 96_00, 5, Given.Alice, clientOrderId: 12));                     // #14 rests
        Run(Limit(Side.Buy, 95_00, 5, Given.Bob, stp: SelfTradePrevention.CancelBoth));     // #15 rests
        Run(Amend(Given.Alice, 14, 96_00, 3));                                              // in place
        Run(Amend(Given.Alice, 14, 96_00, 6));                                              // quantity up
        Run(Amend(Given.Alice, 14, 97_00, 6));                                              // new price
        Run(Amend(Given.Carol, 5, 104_00, 10));                                             // post-only, still passive
        Run(Amend(Given.Alice, 13, 104_00, 10));                                            // to the tail of 104
        Run(Limit(Side.Buy, 103_00, 4, Given.Bob));                                         // #16 rests
        Run(Limit(Side.Sell, 103_00, 2, Given.Bob, stp: SelfTradePrevention.CancelNewest)); // #17 stopped by #16
        Run(Amend(Given.Bob, 15, 104_00, 8));                                               // crosses own #12: both cancelled
        Run(Amend(Given.Bob, 16, 104_00, 12));                                              // crosses, filled by #5 and #13
        Run(Amend(Given.Carol, 3, 104_00, 20));                                             // crosses, takes #13, rests 12
        Run(Limit(Side.Buy, 90_00, 5, Given.Carol, TimeInForce.Gtd, expireAt: Now + 20));   // #18 rests until T0+20
        Run(Limit(Side.Buy, 91_00, 5, Given.Carol, TimeInForce.Gtd, expireAt: Now + 20));   // #19 rests until T0+20
        Run(Limit(Side.Sell, 110_00, 5, Given.Bob));                                        // #20 rests
        Run(Limit(Side.Buy, 89_00, 5, Given.Bob));                                          // #21 rests
        Run(Cancel(Given.Bob, 14));                                                         // rejected: not Bob's
        Run(Cancel(Given.Alice, 14));                                                       // cancelled
        Now += 30;
        Run(MassCancel(Given.Bob));                                                         // #18, #19 expire; #21, #20 cancelled
        Run(AdvanceTo(Now + 100));                                                          // #3 expires
        Run(Limit(Side.Sell, 96_00, 1, Given.Carol));                                       // #22 rests
        return all;
    }
}
