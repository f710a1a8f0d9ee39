using System.Diagnostics;
using Akka.Actor;
using HdrHistogram;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// Drives one run: keeps <c>inFlight</c> commands outstanding (closed loop), or only collects replies of a
/// paced sender (open loop). Replies are Told to this actor, never Asked, so the client side costs little.
/// Latency is from the command's intended send time to its durable reply. In open loop the paced sender
/// thread also reads <see cref="OrderFlow"/> while this actor records accepted orders into it: a benign race
/// for a load generator (a cancel may name a slightly stale order id), never a crash.
/// </summary>
internal sealed class LoadDriver : ReceiveActor
{
    private readonly IActorRef _region;
    private readonly IReadOnlyList<string> _symbols;
    private readonly OrderFlow _flow;
    private readonly long[] _sentAt;
    private readonly int _total;
    private readonly long _firstCorrelation;
    private readonly bool _closedLoop;
    private readonly TaskCompletionSource<LoadResult> _done;
    private readonly LongHistogram _latency = new(TimeStamp.Seconds(60), 3);
    private readonly Dictionary<RejectReason, int> _rejects = [];
    private readonly SlowOrderWindows _slow = new();
    private int _sent;
    private int _received;
    private long _events;

    public LoadDriver(IActorRef region, IReadOnlyList<string> symbols, OrderFlow flow, long[] sentAt, long firstCorrelation, int inFlight, TaskCompletionSource<LoadResult> done)
    {
        _region = region;
        _symbols = symbols;
        _flow = flow;
        _total = sentAt.Length;
        _firstCorrelation = firstCorrelation;
        _sentAt = sentAt;
        _closedLoop = inFlight > 0;
        _done = done;
        Receive<BookCommandResult>(OnReply);
        if (_closedLoop)
        {
            for (var i = 0; i < Math.Min(inFlight, _total); i++)
            {
                SendNext();
            }
        }
    }

    public static OrderCommand Command(OrderFlow flow, IReadOnlyList<string> symbols, long correlation, out string symbol)
    {
        var symbolIndex = (int)(correlation % symbols.Count);
        symbol = symbols[symbolIndex];
        return flow.Next(symbolIndex, correlation);
    }

    private void SendNext()
    {
        var index = _sent++;
        var correlation = _firstCorrelation + index;
        var command = Command(_flow, _symbols, correlation, out var symbol);
        _sentAt[index] = Stopwatch.GetTimestamp();
        _region.Tell(new BookCommand(symbol, command, correlation), Self);
    }

    private void OnReply(BookCommandResult reply)
    {
        var index = (int)(reply.CorrelationId - _firstCorrelation);
        var elapsed = Stopwatch.GetTimestamp() - _sentAt[index];
        var micros = elapsed * 1_000_000 / Stopwatch.Frequency;
        _latency.RecordValue(micros);
        _slow.Record(_sentAt[index], micros);
        _received++;
        _events += reply.Events.Count;
        if (reply.RejectReason != RejectReason.None)
        {
            _rejects[reply.RejectReason] = _rejects.GetValueOrDefault(reply.RejectReason) + 1;
        }
        else if (reply.Events.Count > 0 && reply.Events[0].Type == EventType.Accepted && reply.Events[0].OrderType == OrderType.Limit)
        {
            var symbolIndex = (int)(reply.CorrelationId % _symbols.Count);
            _flow.Remember(symbolIndex, reply.OrderId, reply.Events[0].AccountId);
        }

        if (_closedLoop && _sent < _total)
        {
            SendNext();
        }

        if (_received == _total)
        {
            _done.TrySetResult(new LoadResult(_received, _events, _latency, _rejects, _slow));
        }
    }
}
