using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary><c>loomctl cluster-sharding regions|region-stats -r REGION|shard-stats -r REGION</c> (also <c>cluster sharding …</c>).</summary>
internal static class ShardingPalette
{
    /// <param name="name">cluster-sharding at the top, sharding under cluster.</param>
    /// <param name="addJson">False under <c>cluster</c>, whose recursive --json already applies.</param>
    public static Command Create(string name, bool addJson)
    {
        var json = AdminGlobals.Json;
        var command = new Command(name, "Shard regions: regions, region-stats -r REGION, shard-stats -r REGION");
        if (addJson)
        {
            command.Add(json);
        }

        var regions = new Command("regions", "Shard region types and the nodes hosting each");
        regions.SetAction((result, token) => AdminRunner.RunAsync(result, json, (c, t) => c.GetAsync("admin/cluster-sharding/regions", t), Regions, token));
        command.Add(regions);
        command.Add(WithRegion("region-stats", "Per node: shards and entities of the region (cluster-wide)", "region-stats", json, RegionStats));
        command.Add(WithRegion("shard-stats", "Per node: each shard and its entity ids (for orderbook: symbols)", "shard-stats", json, ShardStats));
        return command;
    }

    private static Command WithRegion(string name, string description, string path, Option<bool> json, Func<JsonElement, string> human)
    {
        var region = new Option<string>("--region", "-r") { Description = "Shard region type name (the exchange's is orderbook)", Required = true };
        var command = new Command(name, description) { region };
        command.SetAction((result, token) => AdminRunner.RunAsync(
            result, json, (c, t) => c.GetAsync($"admin/cluster-sharding/{path}?region={Uri.EscapeDataString(result.GetRequiredValue(region))}", t), human, token));
        return command;
    }

    private static string Regions(JsonElement view)
    {
        var table = new Table("REGION", "NODES");
        foreach (var r in view.GetProperty("regions").EnumerateArray())
        {
            table.Add(AdminJson.Text(r, "name"), AdminJson.Text(r, "nodes"));
        }

        return table.ToString();
    }

    private static string RegionStats(JsonElement view)
    {
        var table = new Table("NODE", "SHARDS", "ENTITIES");
        foreach (var n in view.GetProperty("nodes").EnumerateArray())
        {
            table.Add(AdminJson.Text(n, "address"), AdminJson.Text(n, "shards"), AdminJson.Text(n, "entities"));
        }

        return $"{table}{Environment.NewLine}region {AdminJson.Text(view, "region")}: {AdminJson.Text(view, "shards")} shard(s), {AdminJson.Text(view, "entities")} entities";
    }

    private static string ShardStats(JsonElement view)
    {
        var table = new Table("NODE", "SHARD", "ENTITIES");
        var shards = 0;
        foreach (var n in view.GetProperty("nodes").EnumerateArray())
        {
            foreach (var s in n.GetProperty("shards").EnumerateArray())
            {
                table.Add(AdminJson.Text(n, "address"), AdminJson.Text(s, "id"), AdminJson.Text(s, "entities"));
                shards++;
            }
        }

        var unanswered = view.TryGetProperty("unanswered", out var u) ? u.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        var tail = unanswered.Count == 0 ? string.Empty : $"; no answer from {string.Join(", ", unanswered)}";
        return $"{table}{Environment.NewLine}region {AdminJson.Text(view, "region")}: {shards.ToString(CultureInfo.InvariantCulture)} shard(s){tail}";
    }
}
