using Akka.Persistence;
using Akka.Persistence.TestKit;

namespace LoomExchange.Actors.Tests;

/// <summary>A journal recovery interceptor that counts the rows replayed to recovering actors.</summary>
public sealed class ReplayCounter : IJournalInterceptor
{
    private int _replayed;

    public int Replayed => Volatile.Read(ref _replayed);

    public void Reset() => Interlocked.Exchange(ref _replayed, 0);

    public Task InterceptAsync(IPersistentRepresentation message)
    {
        Interlocked.Increment(ref _replayed);
        return Task.CompletedTask;
    }
}
