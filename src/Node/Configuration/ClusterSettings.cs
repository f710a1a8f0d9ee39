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
}
