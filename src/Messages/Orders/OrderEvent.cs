namespace LoomExchange.Messages.Orders;

/// <summary>
/// One fact produced by an order book. A flat value type written into a caller's buffer, so matching
/// allocates nothing. The events of a book, applied in order, rebuild that book exactly.
/// </summary>
/// <remarks>
/// Which fields are set depends on <see cref="Type"/>:
/// <list type="bullet">
/// <item><b>Accepted</b>: the order as admitted (all order fields); <see cref="LeavesQuantity"/> = <see cref="Quantity"/>.</item>
/// <item><b>Rejected</b>: the command's fields, <see cref="RejectedCommand"/> and <see cref="RejectReason"/>; changes nothing.</item>
/// <item><b>Trade</b>: the order fields describe the taker (aggressor); <see cref="Price"/>/<see cref="Quantity"/> are the
/// trade's; <see cref="LeavesQuantity"/> is the taker's open quantity after it; Maker* fields name the resting order.</item>
/// <item><b>Cancelled</b>: the order's fields, the open quantity removed in <see cref="Quantity"/> (leaves become 0), and <see cref="CancelReason"/>.</item>
/// <item><b>Amended</b>: the order's new <see cref="Price"/> and open quantity (<see cref="LeavesQuantity"/>);
/// <see cref="Quantity"/> holds the open quantity before the amend.</item>
/// <item><b>Expired</b>: a good-till-date order removed at its expiry; the open quantity removed in <see cref="Quantity"/>.</item>
/// </list>
/// Every event carries the book's <see cref="Sequence"/>, which rises by one per event.
/// </remarks>
public readonly record struct OrderEvent
{
    // The 8-byte fields come first and the 1-2 byte ones last, so the struct packs into 128 bytes and
    // copies of it are inlined rather than a memmove call (measured: docs/benchmarks.md).
    public long Sequence { get; init; }

    /// <summary>The timestamp of the command that caused the event.</summary>
    public long Timestamp { get; init; }

    public long OrderId { get; init; }

    public long AccountId { get; init; }

    public long ClientOrderId { get; init; }

    public long Price { get; init; }

    public long Quantity { get; init; }

    public long LeavesQuantity { get; init; }

    public long ExpireAt { get; init; }

    public long TradeId { get; init; }

    public long MakerOrderId { get; init; }

    public long MakerAccountId { get; init; }

    public long MakerClientOrderId { get; init; }

    public long MakerLeavesQuantity { get; init; }

    public EventType Type { get; init; }

    public Side Side { get; init; }

    public OrderType OrderType { get; init; }

    public TimeInForce TimeInForce { get; init; }

    public SelfTradePrevention SelfTradePrevention { get; init; }

    public bool PostOnly { get; init; }

    public CommandType RejectedCommand { get; init; }

    public RejectReason RejectReason { get; init; }

    public CancelReason CancelReason { get; init; }
}
