using LoomExchange.Actors.Protocol;
using LoomExchange.Gateway.Pipeline;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Routing;

/// <summary>
/// Turns a book's durable answers into this session's execution reports and keeps its resting orders. Own events
/// come with the answer to the session's request (Accepted, taker fills, Cancelled, Amended, Rejected); maker fills
/// and expiries come as <see cref="AccountEvents"/>. Reports go into a caller's list, in order.
/// </summary>
internal sealed class SessionReporter(long accountId)
{
    public RestingOrders Resting { get; } = new();

    public void OnResult(ClientRequest request, BookCommandResult result, List<WireMessage> output)
    {
        switch (result.Status)
        {
            case CommandStatus.Duplicate:
                OnDuplicate(request, result, output);
                break;
            case CommandStatus.Rejected:
                output.Add(ExecutionReports.Rejected(request.Message, result.RejectReason, result.OrderId));
                break;
            default:
                OnExecuted(request, result, output);
                break;
        }
    }

    /// <summary>An answer that came after its request timed out: the client was told ServiceUnavailable; only keep track.</summary>
    public void OnLateResult(BookCommandResult result)
    {
        foreach (var e in result.Events)
        {
            if (e.AccountId != accountId)
            {
                continue;
            }

            if (e.Type == EventType.Accepted && IsResting(e))
            {
                Resting.Add(new TrackedOrder(result.Symbol, e.OrderId, e.ClientOrderId, e.Side, e.Price, e.Quantity));
            }
            else if (e.Type == EventType.Cancelled || (e.Type == EventType.Trade && e.LeavesQuantity == 0))
            {
                Resting.Remove(result.Symbol, e.OrderId);
            }
        }
    }

    public void OnStatus(ClientRequest request, OrderStatusResult result, List<WireMessage> output)
    {
        if (result.Order is not { } order)
        {
            output.Add(ExecutionReports.Rejected(request.Message, RejectReason.UnknownOrder));
            return;
        }

        var quantity = Resting.Find(result.Symbol, order.OrderId)?.Quantity ?? 0;
        output.Add(new ExecutionReport(
            ExecType.Status, request.ClientOrderId, result.Symbol, order.OrderId, order.Side, order.Price,
            quantity > 0 ? quantity : order.LeavesQuantity, order.LeavesQuantity, 0, 0, 0, RejectReason.None, CancelReason.None, ExecutionReports.NowMs()));
    }

    /// <summary>Maker fills and expiries of this session's account.</summary>
    public void OnAccountEvents(AccountEvents events, List<WireMessage> output)
    {
        var symbol = events.Symbol;
        foreach (var e in events.Events)
        {
            if (e.Type == EventType.Trade && e.MakerAccountId == accountId)
            {
                var tracked = Resting.Find(symbol, e.MakerOrderId);
                var leaves = e.MakerLeavesQuantity;
                output.Add(new ExecutionReport(
                    leaves == 0 ? ExecType.Fill : ExecType.PartialFill,
                    e.MakerClientOrderId,
                    symbol,
                    e.MakerOrderId,
                    e.Side == Side.Buy ? Side.Sell : Side.Buy,
                    e.Price,
                    tracked is { Quantity: > 0 } ? tracked.Quantity : leaves + e.Quantity,
                    leaves,
                    e.Price,
                    e.Quantity,
                    e.TradeId,
                    RejectReason.None,
                    CancelReason.None,
                    ExecutionReports.ToMs(e.Timestamp)));
                if (leaves == 0)
                {
                    Resting.Remove(symbol, e.MakerOrderId);
                }
            }
            else if (e.Type == EventType.Expired && e.AccountId == accountId)
            {
                var tracked = Resting.Find(symbol, e.OrderId);
                output.Add(new ExecutionReport(
                    ExecType.Expired, e.ClientOrderId, symbol, e.OrderId, e.Side, e.Price,
                    tracked is { Quantity: > 0 } ? tracked.Quantity : e.Quantity, 0, 0, 0, 0, RejectReason.None, CancelReason.None, ExecutionReports.ToMs(e.Timestamp)));
                Resting.Remove(symbol, e.OrderId);
            }
        }
    }

    private void OnExecuted(ClientRequest request, BookCommandResult result, List<WireMessage> output)
    {
        var symbol = result.Symbol;
        var clientOrderId = request.ClientOrderId;
        var cancelled = 0;
        foreach (var e in result.Events)
        {
            // Other accounts' sides (makers) and expiries reach their sessions as AccountEvents.
            if (e.AccountId != accountId)
            {
                continue;
            }

            var time = ExecutionReports.ToMs(e.Timestamp);
            switch (e.Type)
            {
                case EventType.Accepted:
                    output.Add(new ExecutionReport(
                        ExecType.Accepted, clientOrderId, symbol, e.OrderId, e.Side, e.Price, e.Quantity, e.Quantity, 0, 0, 0, RejectReason.None, CancelReason.None, time));
                    if (IsResting(e))
                    {
                        Resting.Add(new TrackedOrder(symbol, e.OrderId, e.ClientOrderId, e.Side, e.Price, e.Quantity));
                    }

                    break;
                case EventType.Trade:
                    var order = Resting.Find(symbol, e.OrderId);
                    var (price, quantity) = request.Message is NewOrder placed ? (placed.Price, placed.Quantity) : (order?.Price ?? e.Price, order?.Quantity ?? 0);
                    output.Add(new ExecutionReport(
                        e.LeavesQuantity == 0 ? ExecType.Fill : ExecType.PartialFill,
                        clientOrderId, symbol, e.OrderId, e.Side, price, quantity, e.LeavesQuantity, e.Price, e.Quantity, e.TradeId, RejectReason.None, CancelReason.None, time));
                    if (e.LeavesQuantity == 0)
                    {
                        Resting.Remove(symbol, e.OrderId);
                    }

                    break;
                case EventType.Cancelled:
                    cancelled++;
                    var gone = Resting.Find(symbol, e.OrderId);
                    output.Add(new ExecutionReport(
                        ExecType.Cancelled, clientOrderId, symbol, e.OrderId, e.Side, e.Price, gone is { Quantity: > 0 } ? gone.Quantity : e.Quantity, 0, 0, 0, 0,
                        RejectReason.None, e.CancelReason, time));
                    Resting.Remove(symbol, e.OrderId);
                    break;
                case EventType.Amended:
                    var amended = Resting.Find(symbol, e.OrderId);
                    if (amended is not null)
                    {
                        amended.Price = e.Price;
                    }

                    output.Add(new ExecutionReport(
                        ExecType.Amended, clientOrderId, symbol, e.OrderId, e.Side, e.Price, e.LeavesQuantity, e.LeavesQuantity, 0, 0, 0, RejectReason.None, CancelReason.None, time));
                    break;
                case EventType.Rejected:
                    output.Add(ExecutionReports.Rejected(request.Message, e.RejectReason, e.OrderId));
                    break;
                default:
                    break;
            }
        }

        if (request.Message.Type == MessageType.MassCancel)
        {
            output.Add(new ExecutionReport(
                ExecType.MassCancelDone, clientOrderId, symbol, 0, 0, 0, cancelled, 0, 0, 0, 0, RejectReason.None, CancelReason.MassCancel, ExecutionReports.NowMs()));
        }
    }

    /// <summary>A retry the book recognised: the original outcome again, never a new order.</summary>
    private void OnDuplicate(ClientRequest request, BookCommandResult result, List<WireMessage> output)
    {
        if (result.RejectReason != RejectReason.None)
        {
            output.Add(ExecutionReports.Rejected(request.Message, result.RejectReason, result.OrderId));
            return;
        }

        var now = ExecutionReports.NowMs();
        var symbol = result.Symbol;
        var clientOrderId = request.ClientOrderId;
        switch (request.Message)
        {
            case NewOrder placed:
                output.Add(new ExecutionReport(
                    ExecType.Accepted, clientOrderId, symbol, result.OrderId, placed.Side, placed.Price, placed.Quantity, placed.Quantity, 0, 0, 0, RejectReason.None, CancelReason.None, now));

                // Whether it still rests is unknown here; tracking it costs at most one useless cancel on disconnect.
                if (placed is { OrderType: OrderType.Limit, TimeInForce: TimeInForce.Gtc or TimeInForce.Gtd })
                {
                    Resting.Add(new TrackedOrder(symbol, result.OrderId, clientOrderId, placed.Side, placed.Price, placed.Quantity));
                }

                break;
            case CancelOrder:
                output.Add(new ExecutionReport(ExecType.Cancelled, clientOrderId, symbol, result.OrderId, 0, 0, 0, 0, 0, 0, 0, RejectReason.None, CancelReason.Requested, now));
                break;
            case AmendOrder amend:
                output.Add(new ExecutionReport(ExecType.Amended, clientOrderId, symbol, result.OrderId, 0, amend.Price, amend.Quantity, amend.Quantity, 0, 0, 0, RejectReason.None, CancelReason.None, now));
                break;
            case MassCancel:
                output.Add(new ExecutionReport(ExecType.MassCancelDone, clientOrderId, symbol, 0, 0, 0, 0, 0, 0, 0, 0, RejectReason.None, CancelReason.MassCancel, now));
                break;
            default:
                break;
        }
    }

    private static bool IsResting(in OrderEvent accepted) =>
        accepted.OrderType == OrderType.Limit && accepted.TimeInForce is TimeInForce.Gtc or TimeInForce.Gtd;
}
