using Akka.Actor;
using Akka.Cluster.Sharding;

namespace LoomExchange.Admin.Sharding;

/// <summary>
/// The sharding palette: regions, region-stats and shard-stats, from Akka's own queries (<see cref="GetCurrentRegions"/>,
/// <see cref="GetClusterShardingStats"/>, and <see cref="GetShardRegionState"/> asked of every node's region).
/// A host without regions (the Lighthouse) answers <c>no_shard_regions</c>: it takes part in membership only.
/// </summary>
internal static class ShardingEndpoints
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    public static void MapShardingPalette(this RouteGroupBuilder admin, IReadOnlyList<string> regions)
    {
        var sharding = admin.MapGroup("/cluster-sharding");
        sharding.MapGet("/regions", (ActorSystem system) => RegionsAsync(system, regions));
        sharding.MapGet("/region-stats", (ActorSystem system, string? region) => WithRegionAsync(system, regions, region, RegionStatsAsync));
        sharding.MapGet("/shard-stats", (ActorSystem system, string? region) => WithRegionAsync(system, regions, region, ShardStatsAsync));
    }

    private static async Task<IResult> RegionsAsync(ActorSystem system, IReadOnlyList<string> regions)
    {
        if (regions.Count == 0)
        {
            return NoRegions(system);
        }

        var views = new List<RegionView>();
        foreach (var name in regions)
        {
            var current = await ClusterSharding.Get(system).ShardRegion(name).Ask<CurrentRegions>(GetCurrentRegions.Instance, AnswerTimeout).ConfigureAwait(false);
            views.Add(new RegionView(name, [.. current.Regions.Select(a => a.ToString()).Order(StringComparer.Ordinal)]));
        }

        return Results.Ok(new RegionsView(views));
    }

    private static async Task<IResult> WithRegionAsync(ActorSystem system, IReadOnlyList<string> regions, string? region, Func<ActorSystem, string, Task<IResult>> query)
    {
        if (regions.Count == 0)
        {
            return NoRegions(system);
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            return AdminError.BadRequest("region_required", $"name the region with ?region= (-r in loomctl); regions: {string.Join(", ", regions)}");
        }

        if (!regions.Contains(region, StringComparer.Ordinal))
        {
            return AdminError.NotFound("unknown_region", $"no shard region '{region}'; regions: {string.Join(", ", regions)}");
        }

        try
        {
            return await query(system, region).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return AdminError.Timeout($"shard region '{region}'");
        }
    }

    private static async Task<IResult> RegionStatsAsync(ActorSystem system, string region)
    {
        var stats = await ClusterSharding.Get(system).ShardRegion(region)
            .Ask<ClusterShardingStats>(new GetClusterShardingStats(AnswerTimeout), AnswerTimeout + AnswerTimeout).ConfigureAwait(false);
        var nodes = stats.Regions
            .OrderBy(r => r.Key.ToString(), StringComparer.Ordinal)
            .Select(r => new NodeRegionStats(
                r.Key.ToString(),
                r.Value.Stats.Count,
                r.Value.Stats.Values.Sum(),
                r.Value.Stats.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
                [.. (r.Value.Failed ?? []).Order(StringComparer.Ordinal)]))
            .ToList();
        return Results.Ok(new RegionStatsView(region, nodes, nodes.Sum(n => n.Shards), nodes.Sum(n => n.Entities)));
    }

    /// <summary>Every node's region is asked for its state, in parallel; a node that does not answer in time is listed as unanswered.</summary>
    private static async Task<IResult> ShardStatsAsync(ActorSystem system, string region)
    {
        var current = await ClusterSharding.Get(system).ShardRegion(region).Ask<CurrentRegions>(GetCurrentRegions.Instance, AnswerTimeout).ConfigureAwait(false);
        var asks = current.Regions.OrderBy(a => a.ToString(), StringComparer.Ordinal).Select(async address =>
        {
            var selection = system.ActorSelection(new RootActorPath(address) / "system" / "sharding" / region);
            try
            {
                var state = await selection.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AnswerTimeout).ConfigureAwait(false);
                var shards = state.Shards
                    .OrderBy(s => s.ShardId, ShardIdOrder.Instance)
                    .Select(s => new ShardView(s.ShardId, [.. s.EntityIds.Order(StringComparer.Ordinal)]))
                    .ToList();
                return (Address: address.ToString(), Shards: (List<ShardView>?)shards);
            }
            catch (AskTimeoutException)
            {
                return (Address: address.ToString(), Shards: null);
            }
        }).ToList();
        var answers = await Task.WhenAll(asks).ConfigureAwait(false);
        return Results.Ok(new ShardStatsView(
            region,
            [.. answers.Where(a => a.Shards is not null).Select(a => new NodeShardsView(a.Address, a.Shards!))],
            [.. answers.Where(a => a.Shards is null).Select(a => a.Address)]));
    }

    private static IResult NoRegions(ActorSystem system) => AdminError.NotFound(
        "no_shard_regions",
        $"{Akka.Cluster.Cluster.Get(system).SelfAddress} hosts no shard regions (a lighthouse takes part in membership only); ask an exchange node with --node");
}
