namespace LoomExchange.Admin.Sharding;

/// <summary>
/// <c>cluster-sharding shard-stats -r REGION</c>: every node's shards with their entity ids, cluster-wide. The JSON
/// (<c>{"region":"orderbook","nodes":[{"address":"…","shards":[{"id":"17","entities":["BTC-USD"]}]}]}</c>) is a contract:
/// the chaos driver reads it.
/// </summary>
public sealed record ShardStatsView(string Region, IReadOnlyList<NodeShardsView> Nodes, IReadOnlyList<string> Unanswered);
