using HdrHistogram;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.Books;

/// <summary>What one load run observed: replies, events in them, latency in microseconds, rejects by reason.</summary>
internal sealed record LoadResult(int Replies, long Events, LongHistogram LatencyMicros, IReadOnlyDictionary<RejectReason, int> Rejects, SlowOrderWindows Slow);
