using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Tests;

/// <summary>Execution reports as a gateway would send them.</summary>
internal static class Reports
{
    public static ExecutionReport Accepted(NewOrder order, long orderId) => new(
        ExecType.Accepted, order.ClientOrderId, order.Symbol, orderId, order.Side, order.Price, order.Quantity, order.Quantity,
        0, 0, 0, RejectReason.None, CancelReason.None, Timestamp: 1);

    public static ExecutionReport Fill(NewOrder order, long orderId, long quantity) => new(
        ExecType.Fill, order.ClientOrderId, order.Symbol, orderId, order.Side, order.Price, order.Quantity, 0,
        order.Price, quantity, TradeId: 9, RejectReason.None, CancelReason.None, Timestamp: 2);

    public static ExecutionReport Rejected(long clientOrderId, string symbol, RejectReason reason) => new(
        ExecType.Rejected, clientOrderId, symbol, 0, Side.Buy, 0, 0, 0, 0, 0, 0, reason, CancelReason.None, Timestamp: 1);

    public static ExecutionReport MassCancelDone(long clientOrderId, string symbol, long cancelled) => new(
        ExecType.MassCancelDone, clientOrderId, symbol, 0, Side.Buy, 0, cancelled, 0, 0, 0, 0, RejectReason.None, CancelReason.MassCancel, Timestamp: 1);

    public static NewOrder Limit(long clientOrderId = 0) => new(
        clientOrderId, "BTC-USD", Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, Price: 5_000_025, Quantity: 1_000_000, ExpireAt: 0);
}
