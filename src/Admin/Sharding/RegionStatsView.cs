namespace LoomExchange.Admin.Sharding;

/// <summary><c>cluster-sharding region-stats -r REGION</c>: per node, how many shards and entities it hosts (cluster-wide).</summary>
public sealed record RegionStatsView(string Region, IReadOnlyList<NodeRegionStats> Nodes, int Shards, int Entities);

/// <summary>One node's part of a region: shard count, entity count, and entities per shard.</summary>
public sealed record NodeRegionStats(string Address, int Shards, int Entities, IReadOnlyDictionary<string, int> EntitiesPerShard, IReadOnlyList<string> Failed);
