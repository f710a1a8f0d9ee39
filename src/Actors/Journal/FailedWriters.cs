namespace LoomExchange.Actors.Journal;

/// <summary>
/// The writer ids (one per persistent-actor incarnation) whose write failed. A book may have several writes queued;
/// if one fails, a later one must not commit in a later round, or the journal would hold row N+1 without row N and
/// recovery would apply events computed from a state it never had. The failed incarnation stops; its successor writes
/// under a new id. Bounded: the oldest ids are forgotten first (long gone by then).
/// </summary>
internal sealed class FailedWriters
{
    private const int Capacity = 1_024;
    private readonly Dictionary<string, Exception> _causes = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void Add(JournalWrite write, Exception cause)
    {
        foreach (var row in write.Rows)
        {
            if (_causes.TryAdd(row.WriterUuid, cause))
            {
                _order.Enqueue(row.WriterUuid);
                if (_order.Count > Capacity)
                {
                    _causes.Remove(_order.Dequeue());
                }
            }
        }
    }

    /// <summary>Whether <paramref name="write"/> comes from a writer that already failed; then <paramref name="refusal"/> says why.</summary>
    public bool Refuses(JournalWrite write, out Exception refusal)
    {
        if (_causes.Count > 0)
        {
            foreach (var row in write.Rows)
            {
                if (_causes.TryGetValue(row.WriterUuid, out var cause))
                {
                    refusal = new InvalidOperationException($"an earlier write of {row.PersistenceId} failed; later ones are not journaled", cause);
                    return true;
                }
            }
        }

        refusal = null!;
        return false;
    }
}
