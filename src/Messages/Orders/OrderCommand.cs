namespace LoomExchange.Messages.Orders;

/// <summary>
/// One instruction to an order book. A flat value type so that the hot path copies no objects and
/// allocates nothing; the factory methods set the fields each <see cref="CommandType"/> uses.
/// </summary>
/// <remarks>
/// Prices and quantities are fixed-point integers in the instrument's units (see <c>InstrumentSpec</c>).
/// <see cref="Timestamp"/> (nanoseconds since the Unix epoch) is the only time the engine knows:
/// it is stamped by whoever admits the command, so that replaying the same commands gives the same result.
/// </remarks>
public readonly record struct OrderCommand
{
    public CommandType Type { get; init; }

    /// <summary>Nanoseconds since the Unix epoch, assigned when the command was admitted.</summary>
    public long Timestamp { get; init; }

    public long AccountId { get; init; }

    /// <summary>
    /// The client's own id for this command. A place's id stays with the order: every event about that order
    /// carries it. A cancel's or amend's own id is echoed only on its Rejected event.
    /// </summary>
    public long ClientOrderId { get; init; }

    /// <summary>For cancel and amend: the exchange-assigned id of the order to act on.</summary>
    public long OrderId { get; init; }

    public Side Side { get; init; }

    public OrderType OrderType { get; init; }

    public TimeInForce TimeInForce { get; init; }

    public SelfTradePrevention SelfTradePrevention { get; init; }

    /// <summary>The order must only add liquidity; it is rejected if it would trade on arrival.</summary>
    public bool PostOnly { get; init; }

    /// <summary>Limit price in price units (ignored for market orders); for amend, the new price.</summary>
    public long Price { get; init; }

    /// <summary>Order quantity in quantity units; for amend, the new open (leaves) quantity.</summary>
    public long Quantity { get; init; }

    /// <summary>For good-till-date orders: expiry, nanoseconds since the Unix epoch.</summary>
    public long ExpireAt { get; init; }

    public static OrderCommand Limit(
        long accountId,
        long clientOrderId,
        Side side,
        long price,
        long quantity,
        long timestamp,
        TimeInForce timeInForce = TimeInForce.Gtc,
        bool postOnly = false,
        SelfTradePrevention selfTradePrevention = SelfTradePrevention.None,
        long expireAt = 0) => new()
        {
            Type = CommandType.Place,
            Timestamp = timestamp,
            AccountId = accountId,
            ClientOrderId = clientOrderId,
            Side = side,
            OrderType = OrderType.Limit,
            TimeInForce = timeInForce,
            SelfTradePrevention = selfTradePrevention,
            PostOnly = postOnly,
            Price = price,
            Quantity = quantity,
            ExpireAt = expireAt,
        };

    public static OrderCommand Market(
        long accountId,
        long clientOrderId,
        Side side,
        long quantity,
        long timestamp,
        TimeInForce timeInForce = TimeInForce.Ioc,
        SelfTradePrevention selfTradePrevention = SelfTradePrevention.None) => new()
        {
            Type = CommandType.Place,
            Timestamp = timestamp,
            AccountId = accountId,
            ClientOrderId = clientOrderId,
            Side = side,
            OrderType = OrderType.Market,
            TimeInForce = timeInForce,
            SelfTradePrevention = selfTradePrevention,
            Quantity = quantity,
        };

    public static OrderCommand Cancel(long accountId, long orderId, long timestamp, long clientOrderId = 0) => new()
    {
        Type = CommandType.Cancel,
        Timestamp = timestamp,
        AccountId = accountId,
        ClientOrderId = clientOrderId,
        OrderId = orderId,
    };

    /// <summary>
    /// Changes price and/or open quantity. Quantity down at the same price keeps time priority;
    /// a price change or a quantity increase sends the order to the back of its (new) level.
    /// </summary>
    public static OrderCommand Amend(long accountId, long orderId, long newPrice, long newQuantity, long timestamp, long clientOrderId = 0) => new()
    {
        Type = CommandType.Amend,
        Timestamp = timestamp,
        AccountId = accountId,
        ClientOrderId = clientOrderId,
        OrderId = orderId,
        Price = newPrice,
        Quantity = newQuantity,
    };

    /// <summary>Cancels every resting order of the account in this book.</summary>
    public static OrderCommand MassCancel(long accountId, long timestamp, long clientOrderId = 0) => new()
    {
        Type = CommandType.MassCancel,
        Timestamp = timestamp,
        AccountId = accountId,
        ClientOrderId = clientOrderId,
    };

    /// <summary>Moves the book's notion of time forward so that due good-till-date orders expire.</summary>
    public static OrderCommand AdvanceTime(long timestamp) => new()
    {
        Type = CommandType.AdvanceTime,
        Timestamp = timestamp,
    };
}
