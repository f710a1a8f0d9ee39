using System.Collections.Concurrent;
using System.Diagnostics;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Cli.Bench;

/// <summary>State and counters shared by every connection of one run: phase, stop condition, totals.</summary>
internal sealed class BenchRun(BenchSettings settings, AnswerLog? answers = null)
{
    // Wall clock of the answer log: one anchor, then the monotonic clock, so that times in one run never go backwards.
    private readonly long _anchorTimestamp = Stopwatch.GetTimestamp();
    private readonly long _anchorUnixMicros = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;

    private readonly long[] _rejects = new long[64];
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _measureStart = long.MaxValue;
    private long _sent;
    private long _measuredSent;
    private long _answered;
    private long _measuredAnswered;
    private long _measuredRefused;
    private long _lastAnswer;
    private int _stopping;

    public BenchSettings Settings { get; } = settings;

    public bool ClosedLoop => Settings.Inflight is not null;

    /// <summary>Null unless <c>--answers</c> was given.</summary>
    public AnswerLog? Answers { get; } = answers;

    /// <summary>A <see cref="Stopwatch"/> timestamp as Unix time in microseconds.</summary>
    public long UnixMicros(long timestamp) => _anchorUnixMicros + (long)((timestamp - _anchorTimestamp) * (1_000_000.0 / Stopwatch.Frequency));

    public bool Stopping => Volatile.Read(ref _stopping) == 1;

    /// <summary>Requests sent at or after this <see cref="Stopwatch"/> timestamp are measured.</summary>
    public long MeasureStart => Volatile.Read(ref _measureStart);

    public long Sent => Volatile.Read(ref _sent);

    public long MeasuredSent => Volatile.Read(ref _measuredSent);

    public long Answered => Volatile.Read(ref _answered);

    /// <summary>Measured requests answered durably: after the book journaled them (its rejects included).</summary>
    public long MeasuredAnswered => Volatile.Read(ref _measuredAnswered);

    /// <summary>Measured requests refused before any journal (<see cref="RefusalReasons"/>): answered, not acknowledged.</summary>
    public long MeasuredRefused => Volatile.Read(ref _measuredRefused);

    public long LastAnswer => Volatile.Read(ref _lastAnswer);

    public Task WarmedUp => _warmedUp.Task;

    public void StartMeasuring(long timestamp)
    {
        Volatile.Write(ref _measureStart, timestamp);
        _warmedUp.TrySetResult();
    }

    public void Stop() => Volatile.Write(ref _stopping, 1);

    /// <summary>
    /// Counts a send scheduled at <paramref name="scheduled"/>; false once the run stops (order budget spent).
    /// <paramref name="measured"/> says whether it counts, decided here once (see <see cref="BenchTag"/>).
    /// </summary>
    public bool TryReserveSend(long scheduled, out bool measured)
    {
        measured = false;
        if (Stopping)
        {
            return false;
        }

        measured = scheduled >= MeasureStart;
        if (measured && Interlocked.Increment(ref _measuredSent) > (Settings.Orders ?? long.MaxValue))
        {
            Interlocked.Decrement(ref _measuredSent);
            Stop();
            return false;
        }

        Interlocked.Increment(ref _sent);
        return true;
    }

    /// <summary>
    /// Counts the answer to the request tagged <paramref name="tag"/>; true when that request was measured and acknowledged
    /// durably, false for a request sent during the warm-up and for a refusal (<see cref="RefusalReasons"/>).
    /// </summary>
    public bool Answer(long tag, long now, RejectReason? reject)
    {
        if (Interlocked.Increment(ref _answered) == Settings.Warmup && MeasureStart == long.MaxValue)
        {
            StartMeasuring(now);
        }

        if (!BenchTag.IsMeasured(tag))
        {
            return false;
        }

        InterlockedMax(ref _lastAnswer, now);
        if (reject is { } reason)
        {
            Interlocked.Increment(ref _rejects[Math.Min((int)reason, _rejects.Length - 1)]);
            if (RefusalReasons.IsRefusal(reason))
            {
                Interlocked.Increment(ref _measuredRefused);
                return false;
            }
        }

        Interlocked.Increment(ref _measuredAnswered);
        return true;
    }

    public void Failure(Exception error) => _failures.AddOrUpdate(FailureKind(error), 1, (_, n) => n + 1);

    /// <summary>
    /// A bounded set of keys: the exception type, plus the protocol error code where there is one. Messages name client
    /// order ids, so keying by message would print one line per failed request.
    /// </summary>
    private static string FailureKind(Exception error) => error switch
    {
        LoomExchange.Client.LoomProtocolException protocol => $"{nameof(LoomExchange.Client.LoomProtocolException)}: {protocol.Code}",
        _ => error.GetType().Name,
    };

    public long Rejected => _rejects.Sum();

    public IReadOnlyDictionary<string, long> RejectsByReason() => Enumerable.Range(0, _rejects.Length)
        .Where(i => _rejects[i] > 0)
        .ToDictionary(i => ((RejectReason)i).ToString(), i => _rejects[i], StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Failures() => new SortedDictionary<string, long>(_failures, StringComparer.Ordinal);

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
