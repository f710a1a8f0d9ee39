using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Tests;

/// <summary>One fixed sample of every serialized type, by manifest, with most fields set to non-default values.</summary>
public static class SerializerSamples
{
    private const long Time = 1_764_000_000_123_456_789;

    public static readonly InstrumentSpec Spec = new()
    {
        Symbol = "BTC-USD",
        PriceDecimals = 2,
        QuantityDecimals = 4,
        TickSize = 5,
        LotSize = 10,
        MinQuantity = 10,
        MaxQuantity = 5_000_000,
        MaxNotional = 9_000_000_000,
        PriceBandBps = 500,
        ReferencePrice = 6_500_050,
    };

    public static readonly OrderEvent Accepted = new()
    {
        Type = EventType.Accepted,
        Sequence = 41,
        Timestamp = Time,
        OrderId = 7,
        AccountId = 1001,
        ClientOrderId = 555,
        Side = Side.Sell,
        OrderType = OrderType.Limit,
        TimeInForce = TimeInForce.Gtd,
        SelfTradePrevention = SelfTradePrevention.CancelBoth,
        PostOnly = true,
        Price = 6_500_050,
        Quantity = 120,
        LeavesQuantity = 120,
        ExpireAt = Time + 60_000_000_000,
    };

    public static readonly OrderEvent Trade = new()
    {
        Type = EventType.Trade,
        Sequence = 42,
        Timestamp = Time,
        OrderId = 8,
        AccountId = 1002,
        ClientOrderId = 556,
        Side = Side.Buy,
        OrderType = OrderType.Market,
        TimeInForce = TimeInForce.Ioc,
        Price = 6_500_050,
        Quantity = 20,
        LeavesQuantity = 0,
        TradeId = 3,
        MakerOrderId = 7,
        MakerAccountId = 1001,
        MakerClientOrderId = 555,
        MakerLeavesQuantity = 100,
    };

    public static readonly OrderEvent Rejected = new()
    {
        Type = EventType.Rejected,
        Sequence = 43,
        Timestamp = Time + 1,
        AccountId = -1,
        ClientOrderId = long.MaxValue,
        Side = Side.Buy,
        OrderType = OrderType.Limit,
        TimeInForce = TimeInForce.Gtc,
        Price = 6_500_051,
        Quantity = 10,
        RejectedCommand = CommandType.Place,
        RejectReason = RejectReason.TickSizeViolation,
    };

    public static readonly OrderEvent Cancelled = new()
    {
        Type = EventType.Cancelled,
        Sequence = 44,
        Timestamp = Time + 2,
        OrderId = 7,
        AccountId = 1001,
        ClientOrderId = 555,
        Side = Side.Sell,
        OrderType = OrderType.Limit,
        TimeInForce = TimeInForce.Gtd,
        Price = 6_500_050,
        Quantity = 100,
        CancelReason = CancelReason.Requested,
    };

    /// <summary>The fixture sample of each manifest; the manifests are spelled out: they are stored in journals.</summary>
    public static readonly IReadOnlyDictionary<string, object> ByManifest = new Dictionary<string, object>
    {
        ["bb"] = new BookBatch(
            [
                new CommandOutcome(1001, 555, CommandType.Place, 7, RejectReason.None, 1),
                new CommandOutcome(1002, 556, CommandType.Place, 8, RejectReason.None, 1),
                new CommandOutcome(-1, long.MaxValue, CommandType.Place, 0, RejectReason.TickSizeViolation, 1),
                new CommandOutcome(1001, 557, CommandType.Cancel, 7, RejectReason.None, 1),
            ],
            [Accepted, Trade, Rejected, Cancelled]),
        ["bs2"] = new BookSnapshotState(
            Spec,
            Halted: true,
            new BookSnapshot
            {
                Symbol = "BTC-USD",
                Sequence = 44,
                NextOrderId = 9,
                NextTradeId = 4,
                LastTradePrice = 6_500_050,
                Orders =
                [
                    new BookOrder(5, 1003, 550, Side.Buy, TimeInForce.Gtc, SelfTradePrevention.None, false, 6_499_950, 30, 0),
                    new BookOrder(7, 1001, 555, Side.Sell, TimeInForce.Gtd, SelfTradePrevention.CancelOldest, true, 6_500_050, 100, Time + 60_000_000_000),
                ],
            },
            [
                new DedupEntry(1003, 550, CommandType.Place, 5, RejectReason.None, 30),
                new DedupEntry(-1, long.MaxValue, CommandType.Place, 0, RejectReason.TickSizeViolation, 43),
            ]),
        ["ic"] = new InstrumentChanged(Spec),
        ["tc"] = new TradingStatusChanged(true, "circuit breaker: 5% in 1 min"),
        ["cmd"] = new BookCommand(
            "BTC-USD",
            OrderCommand.Limit(1001, 555, Side.Sell, 6_500_050, 120, Time, TimeInForce.Gtd, postOnly: true, SelfTradePrevention.CancelNewest, Time + 60_000_000_000) with { OrderId = 12 },
            CorrelationId: 987_654_321),
        ["res"] = new BookCommandResult("BTC-USD", 987_654_321, CommandStatus.Executed, 8, RejectReason.None, [Accepted, Trade]),
        ["gd"] = new GetBookDepth("BTC-USD", 20),
        ["dp"] = new BookDepth("BTC-USD", 44, 6_500_050, [new PriceLevelView(6_499_950, 30, 1), new PriceLevelView(6_499_900, 250, 3)], [new PriceLevelView(6_500_050, 100, 1)]),
        ["gs"] = new GetBookStatus("BTC-USD"),
        ["st"] = new BookStatus("BTC-USD", Listed: true, Halted: false, Sequence: 44, JournaledSequence: 43, OrderCount: 2, StateHash: 0xF00D_CAFE_1234_5678, DedupEntries: 2, RecoveryMicros: 12_345),
        ["si"] = new SetInstrument(Spec),
        ["ir"] = new InstrumentResult("BTC-USD", false, "tick size 0 must be positive; ümlaut"),
        ["th"] = new SetTradingHalt("BTC-USD", true, "manual halt"),
        ["stop"] = StopBook.Instance,
        ["go"] = new GetBookOrders("BTC-USD", 500),
        ["bo"] = new BookOrders("BTC-USD", 44, [new BookOrder(7, 1001, 555, Side.Buy, TimeInForce.Gtd, SelfTradePrevention.CancelOldest, true, 6_499_950, 30, Time + 60_000_000_000)]),
        ["gos"] = new GetOrderStatus("BTC-USD", 1001, 7, 987_654_321),
        ["osr"] = new OrderStatusResult("BTC-USD", 987_654_321, new BookOrder(7, 1001, 555, Side.Sell, TimeInForce.Gtc, SelfTradePrevention.None, false, 6_500_050, 100, 0)),
        ["ae"] = new AccountEvents("BTC-USD", [Trade]),
        ["snb"] = new SnapshotBook("BTC-USD"),
        ["snt"] = new BookSnapshotTaken("BTC-USD", true, 12, 44, "journal busy"),
        ["il"] = new InstrumentListing(Spec),
    };

    /// <summary>Further shapes that must survive a round trip (empty lists, absent spec, extreme values).</summary>
    public static readonly IReadOnlyList<object> Variants =
    [
        new BookBatch([], []),
        new BookSnapshotState(null, false, new BookSnapshot { Symbol = "X", Orders = [] }, []),
        new BookCommandResult("X", -5, CommandStatus.Duplicate, long.MinValue, RejectReason.BookFull, []),
        new BookCommand("X", OrderCommand.AdvanceTime(long.MaxValue), long.MinValue),
        new BookDepth("X", 0, 0, [], []),
        new BookStatus("X", false, true, long.MaxValue, long.MinValue, int.MaxValue, ulong.MaxValue, int.MinValue, long.MaxValue),
        new BookOrders("X", 0, []),
        new AccountEvents("X", []),
        new InstrumentResult(string.Empty, true, string.Empty),
        new OrderStatusResult("X", long.MinValue, null),
    ];
}
