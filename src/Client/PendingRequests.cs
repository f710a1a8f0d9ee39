using System.Collections.Concurrent;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client;

/// <summary>The requests waiting for their answer, by client order id (and by target order for cancel/amend/status).</summary>
internal sealed class PendingRequests
{
    private readonly ConcurrentDictionary<long, SentRequest> _byClientOrderId = new();
    private readonly ConcurrentDictionary<(string Symbol, long OrderId), SentRequest> _byTargetOrder = new();
    private long _number;

    public int Count => _byClientOrderId.Count;

    public bool IsEmpty => _byClientOrderId.IsEmpty;

    public bool TryAdd(SentRequest request)
    {
        request.Number = Interlocked.Increment(ref _number);
        if (!_byClientOrderId.TryAdd(request.ClientOrderId, request))
        {
            return false;
        }

        if (request.TargetSymbol is not null)
        {
            _byTargetOrder.TryAdd((request.TargetSymbol, request.TargetOrderId), request);
        }

        return true;
    }

    /// <summary>Removes and returns the request <paramref name="report"/> answers, if any; exactly one caller wins it.</summary>
    public SentRequest? TakeAnswered(ExecutionReport report)
    {
        if (_byClientOrderId.TryGetValue(report.ClientOrderId, out var request) && request.IsAnsweredBy(report) && TryRemove(request))
        {
            return request;
        }

        if (report.ExecType is ExecType.Cancelled or ExecType.Amended or ExecType.Status
            && !_byTargetOrder.IsEmpty
            && _byTargetOrder.TryGetValue((report.Symbol, report.OrderId), out request)
            && request.IsSettledByTargetReport(report)
            && TryRemove(request))
        {
            return request;
        }

        return null;
    }

    /// <summary>Marks the request finished and forgets it; false if something else finished it first.</summary>
    public bool TryRemove(SentRequest request)
    {
        if (!request.TryFinish())
        {
            return false;
        }

        _byClientOrderId.TryRemove(new KeyValuePair<long, SentRequest>(request.ClientOrderId, request));
        if (request.TargetSymbol is not null)
        {
            _byTargetOrder.TryRemove(new KeyValuePair<(string, long), SentRequest>((request.TargetSymbol, request.TargetOrderId), request));
        }

        return true;
    }

    /// <summary>Requests not yet written on connection <paramref name="generation"/>, in submission order.</summary>
    public List<SentRequest> NotWrittenOn(int generation)
    {
        var list = new List<SentRequest>();
        foreach (var request in _byClientOrderId.Values)
        {
            if (request.Generation != generation && !request.IsFinished)
            {
                list.Add(request);
            }
        }

        list.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        return list;
    }

    public List<SentRequest> SubmittedBefore(long timestamp)
    {
        var list = new List<SentRequest>();
        foreach (var request in _byClientOrderId.Values)
        {
            if (request.SubmittedTimestamp < timestamp)
            {
                list.Add(request);
            }
        }

        return list;
    }

    public SentRequest? FindWrittenAs(int generation, long sequence)
    {
        foreach (var request in _byClientOrderId.Values)
        {
            if (request.Generation == generation && request.LastSequence == sequence)
            {
                return request;
            }
        }

        return null;
    }

    public List<SentRequest> All() => [.. _byClientOrderId.Values];
}
