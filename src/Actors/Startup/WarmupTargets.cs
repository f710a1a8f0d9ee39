using LoomExchange.Actors.OrderBooks;

namespace LoomExchange.Actors.Startup;

/// <summary>Which real persistence ids the warm-up reads: a few shard stores and a few books of the listed instruments.</summary>
public static class WarmupTargets
{
    /// <summary>Enough to take each kind of row through its path once; more only lengthens the start.</summary>
    public const int MaxShardStores = 8;

    public const int MaxBooks = 4;

    /// <summary>
    /// The persistence id of a shard's remember-entities store in the journal. Akka.Cluster.Sharding's
    /// <c>EventSourcedRememberEntitiesShardStore</c> builds it this way; a spec checks it against the journal.
    /// </summary>
    public static string ShardStorePersistenceId(string typeName, string shardId) => $"/sharding/{typeName}Shard/{shardId}";

    /// <param name="symbols">The listed instruments, in configuration order.</param>
    /// <param name="shardOf">The region's shard of a symbol.</param>
    /// <param name="typeName">The sharding type name (<c>orderbook</c>).</param>
    /// <param name="shardStoresInJournal">Whether remember-entities keeps the shard stores in the journal (eventsourced).</param>
    /// <param name="bookJournalPluginId">The books' journal plugin (null: the default journal).</param>
    public static IReadOnlyList<RecoveryProbeTarget> For(
        IEnumerable<string> symbols,
        Func<string, string> shardOf,
        string typeName,
        bool shardStoresInJournal,
        string? bookJournalPluginId)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(shardOf);
        var listed = symbols.ToList();
        var targets = new List<RecoveryProbeTarget>();
        if (shardStoresInJournal)
        {
            targets.AddRange(listed
                .Select(shardOf)
                .Distinct(StringComparer.Ordinal)
                .Take(MaxShardStores)
                .Select(shard => new RecoveryProbeTarget(ShardStorePersistenceId(typeName, shard), null)));
        }

        targets.AddRange(listed.Take(MaxBooks).Select(symbol => new RecoveryProbeTarget(OrderBookActor.PersistenceIdOf(symbol), bookJournalPluginId)));
        return targets;
    }
}
