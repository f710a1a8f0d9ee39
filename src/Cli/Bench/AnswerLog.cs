using System.Globalization;
using System.Text;
using LoomExchange.Client;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// <c>loomctl bench --answers FILE</c>: one CSV line per request with what the client was told, so that a verifier can
/// check the exchange's promises after the fact (every acknowledged order is in the journal; no client order id got two
/// different answers). Columns (<see cref="Header"/>): the account (from the logon), the client order id, the request
/// (<c>new</c>, <c>cancel</c>, <c>amend</c>), the symbol, send and answer time in Unix microseconds (wall clock), the
/// outcome (<c>accepted</c>, <c>partial_fill</c>, <c>filled</c>, <c>cancelled</c>, <c>amended</c>, <c>rejected</c>, …,
/// or <c>timeout</c> / <c>failed</c> when no answer came), the reject reason or failure kind, the exchange order id and
/// the trade id of a fill. A report that answers nothing pending but says Accepted or Rejected (a late answer after a
/// timeout, or a second answer) gets a line of its own with request <c>unsolicited</c>. Thread-safe.
/// </summary>
internal sealed class AnswerLog : IDisposable
{
    public const string Header = "account,client_order_id,request,symbol,sent_us,answered_us,outcome,reason,order_id,trade_id";

    private readonly Lock _gate = new();
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new(128);
    private long _lines;
    private bool _closed;

    public AnswerLog(string path)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        _writer.WriteLine(Header);
    }

    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>The first report of <paramref name="request"/>: its answer.</summary>
    public void Answered(long account, SentRequest request, ExecutionReport report, long sentUs, long answeredUs) =>
        Write(account, request.ClientOrderId, RequestName(request.Message), SymbolOf(request.Message), sentUs, answeredUs,
            Outcome(report.ExecType), report.ExecType == ExecType.Rejected ? report.RejectReason.ToString() : string.Empty, report.OrderId, report.TradeId);

    /// <summary>A request that ended without an answer: timed out, or the client closed or gave up.</summary>
    public void Failed(long account, SentRequest request, Exception error, long sentUs, long nowUs) =>
        Write(account, request.ClientOrderId, RequestName(request.Message), SymbolOf(request.Message), sentUs, nowUs,
            error is LoomRequestTimeoutException ? "timeout" : "failed", error.GetType().Name, 0, 0);

    /// <summary>An Accepted or Rejected report that answered no pending request.</summary>
    public void Unsolicited(long account, ExecutionReport report, long nowUs) =>
        Write(account, report.ClientOrderId, "unsolicited", report.Symbol, 0, nowUs,
            Outcome(report.ExecType), report.ExecType == ExecType.Rejected ? report.RejectReason.ToString() : string.Empty, report.OrderId, report.TradeId);

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }

    public static string Outcome(ExecType type) => type switch
    {
        ExecType.Accepted => "accepted",
        ExecType.Rejected => "rejected",
        ExecType.PartialFill => "partial_fill",
        ExecType.Fill => "filled",
        ExecType.Cancelled => "cancelled",
        ExecType.Amended => "amended",
        ExecType.Expired => "expired",
        ExecType.Status => "status",
        ExecType.MassCancelDone => "mass_cancel_done",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string RequestName(WireMessage message) => message switch
    {
        NewOrder => "new",
        CancelOrder => "cancel",
        AmendOrder => "amend",
        MassCancel => "mass_cancel",
        OrderStatusRequest => "status",
        _ => message.Type.ToString(),
    };

    private static string SymbolOf(WireMessage message) => message switch
    {
        NewOrder m => m.Symbol,
        CancelOrder m => m.Symbol,
        AmendOrder m => m.Symbol,
        MassCancel m => m.Symbol,
        OrderStatusRequest m => m.Symbol,
        _ => string.Empty,
    };

    private void Write(long account, long clientOrderId, string request, string symbol, long sentUs, long answeredUs, string outcome, string reason, long orderId, long tradeId)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _line.Clear();
            _line.Append(CultureInfo.InvariantCulture, $"{account},{clientOrderId},{request},{symbol},{sentUs},{answeredUs},{outcome},{reason},{orderId},{tradeId}");
            _writer.WriteLine(_line);
            _lines++;
        }
    }
}
