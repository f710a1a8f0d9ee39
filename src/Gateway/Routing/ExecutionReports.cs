using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Routing;

/// <summary>Execution reports the gateway writes itself: rejects of a request before (or instead of) a book's answer.</summary>
internal static class ExecutionReports
{
    public static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Engine time (ns since the epoch) as protocol time (ms).</summary>
    public static long ToMs(long nanoseconds) => nanoseconds / 1_000_000;

    /// <summary>A Rejected report echoing the request's fields; <paramref name="orderId"/> overrides the request's order id when set.</summary>
    public static ExecutionReport Rejected(WireMessage request, RejectReason reason, long orderId = 0) => request switch
    {
        NewOrder o => Report(ExecType.Rejected, o.ClientOrderId, o.Symbol, orderId, o.Side, o.Price, o.Quantity, reason),
        CancelOrder c => Report(ExecType.Rejected, c.ClientOrderId, c.Symbol, orderId != 0 ? orderId : c.OrderId, 0, 0, 0, reason),
        AmendOrder a => Report(ExecType.Rejected, a.ClientOrderId, a.Symbol, orderId != 0 ? orderId : a.OrderId, 0, a.Price, a.Quantity, reason),
        MassCancel m => Report(ExecType.Rejected, m.ClientOrderId, m.Symbol, 0, 0, 0, 0, reason),
        OrderStatusRequest s => Report(ExecType.Rejected, s.ClientOrderId, s.Symbol, orderId != 0 ? orderId : s.OrderId, 0, 0, 0, reason),
        _ => throw new ArgumentException($"{request.Type} is not an order request", nameof(request)),
    };

    private static ExecutionReport Report(ExecType type, long clientOrderId, string symbol, long orderId, Side side, long price, long quantity, RejectReason reason) =>
        new(type, clientOrderId, symbol, orderId, side, price, quantity, 0, 0, 0, 0, reason, CancelReason.None, NowMs());
}
