using LoomExchange.Actors.OrderBooks.Journal;

namespace LoomExchange.Actors.OrderBooks;

/// <summary>
/// The last N (account, client order id) outcomes of a book, oldest evicted first. Rebuilt identically from
/// the journal (same inserts in the same order) and carried in snapshots, so a retry after a crash, a
/// reconnect or a failover is recognised and answered with the original outcome.
/// </summary>
internal sealed class DedupWindow
{
    private readonly int _capacity;
    private readonly Dictionary<(long AccountId, long ClientOrderId), DedupEntry> _entries = [];
    private readonly Queue<(long AccountId, long ClientOrderId)> _arrivalOrder = new();

    public DedupWindow(int capacity) => _capacity = Math.Max(1, capacity);

    public int Count => _entries.Count;

    public bool TryGet(long accountId, long clientOrderId, out DedupEntry entry) =>
        _entries.TryGetValue((accountId, clientOrderId), out entry);

    /// <summary>Remembers an outcome; client order id 0 means "no id" and is never remembered.</summary>
    public void Remember(in DedupEntry entry)
    {
        if (entry.ClientOrderId == 0 || !_entries.TryAdd((entry.AccountId, entry.ClientOrderId), entry))
        {
            return;
        }

        _arrivalOrder.Enqueue((entry.AccountId, entry.ClientOrderId));
        while (_entries.Count > _capacity)
        {
            _entries.Remove(_arrivalOrder.Dequeue());
        }
    }

    /// <summary>The entries oldest first, for a snapshot.</summary>
    public DedupEntry[] Export()
    {
        var result = new DedupEntry[_entries.Count];
        var i = 0;
        foreach (var key in _arrivalOrder)
        {
            result[i++] = _entries[key];
        }

        return result;
    }

    public void Import(IEnumerable<DedupEntry> entries)
    {
        _entries.Clear();
        _arrivalOrder.Clear();
        foreach (var entry in entries)
        {
            Remember(entry);
        }
    }
}
