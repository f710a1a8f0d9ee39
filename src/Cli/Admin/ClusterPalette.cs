using System.CommandLine;
using System.Text.Json;

namespace LoomExchange.Cli.Admin;

/// <summary>
/// <c>loomctl cluster show|status|leader|unreachable|leave|down|down-unreachable|join|tail</c>, with Petabridge.Cmd's
/// names, plus <c>cluster sharding …</c> as another spelling of the <c>cluster-sharding</c> palette.
/// </summary>
internal static class ClusterPalette
{
    private static Option<bool> Json => AdminGlobals.Json;

    public static Command Create()
    {
        var cluster = new Command("cluster", "Cluster membership: show, status, leader, unreachable, leave, down, join, tail") { Json };
        cluster.Add(Query("show", "Members: address, roles, status, reachability, app version, then the count", "admin/cluster/show", Members));
        cluster.Add(Query("status", "The answering node's membership and the cluster's convergence", "admin/cluster/status", Status));
        cluster.Add(Query("leader", "The cluster leader and each role's leader", "admin/cluster/leader", Leader));
        cluster.Add(Query("unreachable", "Members the answering node cannot reach", "admin/cluster/unreachable", Members));
        cluster.Add(Leave());
        cluster.Add(Action("down", "Mark a member down (it is removed; its shards move): use for a member that is gone", "admin/cluster/down", addressRequired: true));
        cluster.Add(Action("join", "Make the answering node join the cluster of the given member", "admin/cluster/join", addressRequired: true));
        var downUnreachable = new Command("down-unreachable", "Mark every unreachable member down");
        downUnreachable.SetAction((result, token) => AdminRunner.RunAsync(result, Json, (c, t) => c.PostAsync("admin/cluster/down-unreachable", null, t), Acted, token));
        cluster.Add(downUnreachable);
        cluster.Add(Tail());
        cluster.Add(ShardingPalette.Create("sharding", addJson: false));
        return cluster;
    }

    private static Command Query(string name, string description, string path, Func<JsonElement, string> human)
    {
        var command = new Command(name, description);
        command.SetAction((result, token) => AdminRunner.RunAsync(result, Json, (c, t) => c.GetAsync(path, t), human, token));
        return command;
    }

    private static Command Action(string name, string description, string path, bool addressRequired)
    {
        var address = new Argument<string>("address") { Description = "Member address, e.g. akka.tcp://loom@10.0.0.7:4055", Arity = addressRequired ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne };
        var command = new Command(name, description) { address };
        command.SetAction((result, token) => AdminRunner.RunAsync(result, Json, (c, t) => c.PostAsync(path, new { address = result.GetValue(address) }, t), Acted, token));
        return command;
    }

    /// <summary>Leave, by default of the answering node itself, and wait until the member is removed (a Kubernetes preStop hook's job).</summary>
    private static Command Leave()
    {
        var address = new Argument<string?>("address") { Description = "Member address (default: the node --node points at)", Arity = ArgumentArity.ZeroOrOne };
        var noWait = new Option<bool>("--no-wait") { Description = "Return once the leave is requested, without waiting for the member's removal" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait for the removal (default 00:01:00)", DefaultValueFactory = _ => TimeSpan.FromMinutes(1) };
        var command = new Command("leave", "Leave the cluster gracefully (shards are handed off first); waits until the member is removed") { address, noWait, timeout };
        command.SetAction((result, token) => AdminRunner.RunWithClientAsync(result, async (client, output) =>
        {
            var answer = await client.PostAsync("admin/cluster/leave", new { address = result.GetValue(address) }, token).ConfigureAwait(false);
            using var document = JsonDocument.Parse(answer);
            var leaving = document.RootElement.GetProperty("addresses")[0].GetString()!;
            if (!result.GetValue(noWait))
            {
                await MembershipWait.UntilRemovedAsync(client, leaving, result.GetValue(timeout), token).ConfigureAwait(false);
            }

            await output.WriteLineAsync(result.GetValue(Json) ? answer : result.GetValue(noWait) ? $"leave requested: {leaving}" : $"left: {leaving}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Tail()
    {
        var command = new Command("tail", "Stream membership events (current members first) until Ctrl-C");
        command.SetAction((result, token) => AdminRunner.RunWithClientAsync(result, async (client, output) =>
        {
            try
            {
                await foreach (var line in client.StreamLinesAsync("admin/cluster/tail", token).ConfigureAwait(false))
                {
                    if (result.GetValue(Json))
                    {
                        await output.WriteLineAsync(line).ConfigureAwait(false);
                        continue;
                    }

                    using var change = JsonDocument.Parse(line);
                    var e = change.RootElement;
                    await output.WriteLineAsync(
                        $"{AdminJson.Text(e, "time")}  {AdminJson.Text(e, "event"),-14} {AdminJson.Text(e, "address")}  {AdminJson.Text(e, "status")}  {AdminJson.Text(e, "roles")}").ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Ctrl-C: the normal end of a tail.
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static string Members(JsonElement view)
    {
        var table = new Table("ADDRESS", "ROLES", "STATUS", "REACHABLE", "VERSION");
        foreach (var m in view.GetProperty("members").EnumerateArray())
        {
            table.Add(AdminJson.Text(m, "address"), AdminJson.Text(m, "roles"), AdminJson.Text(m, "status"), m.GetProperty("reachable").GetBoolean() ? "yes" : "NO", AdminJson.Text(m, "appVersion"));
        }

        return $"{table}{Environment.NewLine}{view.GetProperty("count").GetInt32()} member(s); leader {AdminJson.Text(view, "leader")}";
    }

    private static string Status(JsonElement s) =>
        $"{AdminJson.Text(s, "address")} is {AdminJson.Text(s, "status")} (roles {AdminJson.Text(s, "roles")}){(s.GetProperty("isLeader").GetBoolean() ? ", leader" : string.Empty)}{Environment.NewLine}" +
        $"cluster: {AdminJson.Text(s, "members")} member(s), {AdminJson.Text(s, "unreachable")} unreachable, {(s.GetProperty("converged").GetBoolean() ? "converged" : "not converged")}; leader {AdminJson.Text(s, "leader")}";

    private static string Leader(JsonElement l)
    {
        var table = new Table("ROLE", "LEADER");
        foreach (var role in l.GetProperty("roleLeaders").EnumerateObject())
        {
            table.Add(role.Name, role.Value.ValueKind == JsonValueKind.String ? role.Value.GetString()! : "-");
        }

        return $"leader: {AdminJson.Text(l, "leader")}{Environment.NewLine}{table}";
    }

    private static string Acted(JsonElement a)
    {
        var addresses = a.GetProperty("addresses").EnumerateArray().Select(x => x.GetString()).ToList();
        return addresses.Count == 0 ? $"{AdminJson.Text(a, "action")}: nothing to do" : $"{AdminJson.Text(a, "action")}: {string.Join(", ", addresses)}";
    }
}
