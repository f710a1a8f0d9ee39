using System.Diagnostics;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>
/// A request (NewOrder, CancelOrder, AmendOrder, MassCancel, OrderStatusRequest) this client sent and is waiting
/// to see answered. It stays pending across reconnects and is resent with the same client order id until its first
/// execution report arrives, it times out, or the client closes.
/// </summary>
public sealed class SentRequest
{
    private int _finished;

    internal SentRequest(WireMessage message, long clientOrderId, long tag, TaskCompletionSource<ExecutionReport>? completion)
    {
        Message = message;
        ClientOrderId = clientOrderId;
        Tag = tag;
        Completion = completion;
        SubmittedTimestamp = Stopwatch.GetTimestamp();
        (TargetSymbol, TargetOrderId) = message switch
        {
            CancelOrder c => (c.Symbol, c.OrderId),
            AmendOrder a => (a.Symbol, a.OrderId),
            OrderStatusRequest s => (s.Symbol, s.OrderId),
            _ => (null, 0),
        };
    }

    public WireMessage Message { get; }

    public long ClientOrderId { get; }

    /// <summary>The caller's own value given to <see cref="LoomClient.Send"/> (a load generator keeps its intended send time here).</summary>
    public long Tag { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the request was submitted.</summary>
    public long SubmittedTimestamp { get; }

    /// <summary>How many times it was written to a connection (more than 1 after a reconnect).</summary>
    public int Attempts { get; internal set; }

    public bool IsFinished => Volatile.Read(ref _finished) == 1;

    internal TaskCompletionSource<ExecutionReport>? Completion { get; }

    /// <summary>Submission order, so that a reconnect resends requests in the order they were made.</summary>
    internal long Number { get; set; }

    /// <summary>The connection generation it was last written on; touched by the writer loop only.</summary>
    internal int Generation { get; set; }

    /// <summary>The outbound sequence number it was last written with (to match a ProtocolError's RefSequence).</summary>
    internal long LastSequence { get; set; }

    internal string? TargetSymbol { get; }

    internal long TargetOrderId { get; }

    /// <summary>A mass cancel is answered by its MassCancelDone (or a reject); every other request by its first report.</summary>
    internal bool IsAnsweredBy(ExecutionReport report) =>
        Message is not MassCancel || report.ExecType is ExecType.MassCancelDone or ExecType.Rejected;

    /// <summary>
    /// Whether a report about the target order (carrying another client order id) settles this cancel, amend or status
    /// request: a safety net in case a gateway echoes the order's own client order id instead of the request's. A cancel
    /// is settled only by a requested cancel: the book also cancels orders by itself (an IOC remainder, self-trade
    /// prevention, a mass cancel), and taking such a report for the answer would acknowledge a cancel the exchange
    /// never received (seen in the chaos run: the request was then dropped unsent after a reconnect).
    /// </summary>
    internal bool IsSettledByTargetReport(ExecutionReport report) => Message switch
    {
        CancelOrder => report.ExecType == ExecType.Cancelled && report.CancelReason == LoomExchange.Messages.Orders.CancelReason.Requested,
        AmendOrder => report.ExecType == ExecType.Amended,
        OrderStatusRequest => report.ExecType == ExecType.Status,
        _ => false,
    };

    internal bool TryFinish() => Interlocked.Exchange(ref _finished, 1) == 0;

    public override string ToString() => $"{Message.Type} #{ClientOrderId}";
}
