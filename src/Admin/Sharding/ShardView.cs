namespace LoomExchange.Admin.Sharding;

/// <summary>One shard and the entity ids (for the order books: symbols) it runs.</summary>
public sealed record ShardView(string Id, IReadOnlyList<string> Entities);
