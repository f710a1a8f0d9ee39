namespace LoomExchange.Admin.Sharding;

/// <summary><c>cluster-sharding regions</c>: each shard region type and the nodes that host one.</summary>
public sealed record RegionsView(IReadOnlyList<RegionView> Regions);

/// <summary>One region type and the nodes hosting it.</summary>
public sealed record RegionView(string Name, IReadOnlyList<string> Nodes);
