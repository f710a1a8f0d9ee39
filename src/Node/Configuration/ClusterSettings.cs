using LoomExchange.Clustering;

namespace LoomExchange.Node.Configuration;

/// <summary><c>Loom:Cluster</c>: Akka remoting address and how to join.</summary>
public sealed class ClusterSettings
{
    public string SystemName { get; set; } = "loom";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 4055;

    /// <summary>Seed node addresses (akka.tcp://loom@host:port); empty = this node joins itself.</summary>
    public List<string> Seeds { get; set; } = [];

    /// <summary>Shards of the order-book region: about ten times the largest node count, never changed on a live cluster.</summary>
    public int ShardCount { get; set; } = 100;

    /// <summary>When a silent node counts as unreachable (<c>Loom:Cluster:FailureDetector:*</c>).</summary>
    public FailureDetectorSettings FailureDetector { get; set; } = new();

    /// <summary>How unreachable nodes are downed so their shards move (<c>Loom:Cluster:SplitBrain:*</c>).</summary>
    public SplitBrainSettings SplitBrain { get; set; } = new();

    /// <summary>How often a shard region asks again where a shard lives while the shard has no home (a failover).</summary>
    public string ShardRetryInterval { get; set; } = "200ms";

    /// <summary>
    /// Where sharding remembers which books each shard runs, so a moved shard starts them at once: <c>eventsourced</c>
    /// (in the journal; survives a full restart; a moved shard replays it before its books start) or <c>ddata</c>
    /// (replicated in memory across the exchange nodes, no replay; forgotten when every node stops, after which a book
    /// starts on its first order). See docs/decisions.md, decision 13.
    /// </summary>
    public string RememberEntitiesStore { get; set; } = "eventsourced";
}
