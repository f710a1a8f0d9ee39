using LoomExchange.Messages.Orders;

namespace LoomExchange.Messages.Wire;

/// <summary>
/// What happened to an order, sent only after the events behind it are journaled. <paramref name="ClientOrderId"/>
/// is the id of the request that caused it (for a maker's fill: the id the maker placed its order with).
/// <paramref name="Price"/>/<paramref name="Quantity"/> are the order's; <paramref name="LastPrice"/>/<paramref name="LastQuantity"/>
/// and <paramref name="TradeId"/> describe the trade of a fill; <paramref name="LeavesQuantity"/> is what still rests.
/// <paramref name="Timestamp"/> is the exchange's time of the event (Unix milliseconds).
/// </summary>
public sealed record ExecutionReport(
    ExecType ExecType,
    long ClientOrderId,
    string Symbol,
    long OrderId,
    Side Side,
    long Price,
    long Quantity,
    long LeavesQuantity,
    long LastPrice,
    long LastQuantity,
    long TradeId,
    RejectReason RejectReason,
    CancelReason CancelReason,
    long Timestamp) : WireMessage
{
    public override MessageType Type => MessageType.ExecutionReport;
}
