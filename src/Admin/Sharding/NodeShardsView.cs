namespace LoomExchange.Admin.Sharding;

/// <summary>The shards one node's region hosts.</summary>
public sealed record NodeShardsView(string Address, IReadOnlyList<ShardView> Shards);
