namespace LoomExchange.Actors.OrderBooks;

/// <summary>Tuning of every order-book entity (configuration keys under <c>Loom:OrderBook</c>).</summary>
public sealed record OrderBookSettings
{
    public static readonly OrderBookSettings Default = new();

    /// <summary>A snapshot is taken once this many events were journaled since the last one.</summary>
    public int SnapshotEveryEvents { get; init; } = 100_000;

    /// <summary>
    /// A snapshot is also taken once this many journal rows (write batches) were journaled since the last one.
    /// Replay costs per row, not per event: under light load rows carry one to five events, so the event count
    /// alone let a moved book replay tens of thousands of rows (4 s on a busy node in the chaos run).
    /// </summary>
    public int SnapshotEveryWrites { get; init; } = 2_000;

    /// <summary>
    /// Whether the first routine snapshot after start comes up to half a cadence early, by a fraction fixed per symbol
    /// (<see cref="SnapshotStagger"/>), so books under the same load snapshot at different moments. Off only in specs
    /// of the exact cadence.
    /// </summary>
    public bool StaggerFirstSnapshot { get; init; } = true;

    /// <summary>How many (account, client order id) outcomes each book remembers for retries.</summary>
    public int DedupCapacity { get; init; } = 100_000;

    /// <summary>
    /// Commands matched but not yet journaled, at most; beyond it new commands wait in the stash until the
    /// write completes. Bounds memory and the size of one journal row.
    /// </summary>
    public int MaxCommandsPerWrite { get; init; } = 4_096;

    /// <summary>
    /// Batch writes a book may have in flight at once when it writes directly (the SQLite group-commit journal, decision 20;
    /// the PostgreSQL journal table, decision 23); 1 through <c>PersistAsync</c>. With one, a command that arrives during a write waits for it and then for its own; with two, it goes
    /// into the writer's next round at once. Replies still leave in order, each after its own write is durable.
    /// </summary>
    public int MaxWritesInFlight { get; init; } = 2;

    /// <summary>Journal plugin of the books (null = the default journal); SQLite uses the group-commit journal.</summary>
    public string? JournalPluginId { get; init; }

    /// <summary>How often an idle book checks for good-till-date orders to expire.</summary>
    public TimeSpan ExpiryCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Where the book sends <see cref="Protocol.AccountEvents"/> (maker fills, expiries) after each journaled batch that
    /// has any: an actor path on the book's node, e.g. <c>/user/account-events</c>. Null: not sent.
    /// </summary>
    public string? AccountEventsPath { get; init; }

    /// <summary>Accounts whose kill switch is on (places and amends rejected with <c>AccountBlocked</c>); null: none ever.</summary>
    public Risk.AccountBlocklist? Blocklist { get; init; }
}
