namespace LoomExchange.Actors.OrderBooks;

/// <summary>Where a point-in-time replay stops: after the event with this book sequence, or after the last event stamped at or before this time.</summary>
public readonly record struct BookReplayCut(long? Sequence, long? TimestampNanos)
{
    public static BookReplayCut AtSequence(long sequence) => new(sequence, null);

    public static BookReplayCut AtTime(DateTimeOffset time) => new(null, (time - DateTimeOffset.UnixEpoch).Ticks * 100);

    public bool Includes(long sequence, long timestampNanos) =>
        Sequence is { } last ? sequence <= last : timestampNanos <= TimestampNanos!.Value;
}
