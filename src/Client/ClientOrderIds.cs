namespace LoomExchange.Client;

/// <summary>
/// Generates client order ids: monotonic and unique within the process (one counter shared by every client, so
/// that two sessions of the same account never collide in the book's dedup window), and starting from the clock
/// (Unix ms × 2^20) so that a restarted process does not reuse the ids of an earlier run.
/// </summary>
public static class ClientOrderIds
{
    private static long _last = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 20;

    /// <summary>The next id of the process-wide sequence.</summary>
    public static long Next() => Interlocked.Increment(ref _last);
}
