using Akka.Actor;
using Akka.Cluster;

namespace LoomExchange.Admin.Cluster;

/// <summary>
/// The cluster palette (Petabridge.Cmd's names): show, status, leader, unreachable, leave, down, down-unreachable, join,
/// tail. Everything is read from, or done through, <see cref="Akka.Cluster.Cluster"/> of the answering node.
/// </summary>
internal static class ClusterEndpoints
{
    public static void MapClusterPalette(this RouteGroupBuilder admin)
    {
        var cluster = admin.MapGroup("/cluster");
        cluster.MapGet("/show", (ActorSystem system) => Results.Ok(Show(Akka.Cluster.Cluster.Get(system))));
        cluster.MapGet("/status", (ActorSystem system) => Results.Ok(Status(Akka.Cluster.Cluster.Get(system))));
        cluster.MapGet("/leader", (ActorSystem system) => Results.Ok(Leader(Akka.Cluster.Cluster.Get(system))));
        cluster.MapGet("/unreachable", (ActorSystem system) => Results.Ok(Unreachable(Akka.Cluster.Cluster.Get(system))));
        cluster.MapPost("/leave", (ActorSystem system, AddressRequest? request) => Leave(Akka.Cluster.Cluster.Get(system), request?.Address));
        cluster.MapPost("/down", (ActorSystem system, AddressRequest? request) => Down(Akka.Cluster.Cluster.Get(system), request?.Address));
        cluster.MapPost("/down-unreachable", (ActorSystem system) => DownUnreachable(Akka.Cluster.Cluster.Get(system)));
        cluster.MapPost("/join", (ActorSystem system, AddressRequest? request) => Join(Akka.Cluster.Cluster.Get(system), request?.Address));
        cluster.MapGet("/tail", ClusterTail.StreamAsync);
    }

    internal static ClusterView Show(Akka.Cluster.Cluster cluster)
    {
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members.Concat(state.Unreachable.Where(m => !state.Members.Contains(m)))
            .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .Select(m => MemberView.Of(m, !unreachable.Contains(m.Address)))
            .ToList();
        return new ClusterView(cluster.SelfAddress.ToString(), state.Leader?.ToString(), members, members.Count);
    }

    private static ClusterStatusView Status(Akka.Cluster.Cluster cluster)
    {
        var state = cluster.State;
        var self = cluster.SelfMember;
        return new ClusterStatusView(
            self.Address.ToString(),
            self.Status.ToString(),
            [.. self.Roles.Order(StringComparer.Ordinal)],
            state.Leader?.ToString(),
            state.Leader == self.Address,
            state.Members.Count,
            state.Unreachable.Count,
            state.Unreachable.Count == 0 && state.Members.All(m => state.SeenBy.Contains(m.Address)));
    }

    private static LeaderView Leader(Akka.Cluster.Cluster cluster)
    {
        var state = cluster.State;
        var roles = state.AllRoles.Order(StringComparer.Ordinal).ToDictionary(role => role, role => state.RoleLeader(role)?.ToString(), StringComparer.Ordinal);
        return new LeaderView(state.Leader?.ToString(), roles);
    }

    private static ClusterView Unreachable(Akka.Cluster.Cluster cluster)
    {
        var members = cluster.State.Unreachable.OrderBy(m => m.Address.ToString(), StringComparer.Ordinal).Select(m => MemberView.Of(m, reachable: false)).ToList();
        return new ClusterView(cluster.SelfAddress.ToString(), cluster.State.Leader?.ToString(), members, members.Count);
    }

    private static IResult Leave(Akka.Cluster.Cluster cluster, string? addressText)
    {
        Address address;
        if (string.IsNullOrWhiteSpace(addressText))
        {
            address = cluster.SelfAddress;
        }
        else if (!TryFindMember(cluster, addressText, out address, out var problem))
        {
            return problem;
        }

        // Leaving hands this member's shards off before it is removed; the node's process then shuts down by itself.
        cluster.Leave(address);
        return Results.Accepted(value: new MembershipActionResult("leave", [address.ToString()]));
    }

    private static IResult Down(Akka.Cluster.Cluster cluster, string? addressText)
    {
        if (!TryFindMember(cluster, addressText, out var address, out var problem))
        {
            return problem;
        }

        cluster.Down(address);
        return Results.Accepted(value: new MembershipActionResult("down", [address.ToString()]));
    }

    private static IResult DownUnreachable(Akka.Cluster.Cluster cluster)
    {
        var addresses = cluster.State.Unreachable.Select(m => m.Address).ToList();
        foreach (var address in addresses)
        {
            cluster.Down(address);
        }

        return Results.Accepted(value: new MembershipActionResult("down-unreachable", [.. addresses.Select(a => a.ToString())]));
    }

    private static IResult Join(Akka.Cluster.Cluster cluster, string? addressText)
    {
        if (!TryParse(addressText, out var address, out var problem))
        {
            return problem;
        }

        cluster.Join(address);
        return Results.Accepted(value: new MembershipActionResult("join", [address.ToString()]));
    }

    private static bool TryFindMember(Akka.Cluster.Cluster cluster, string? text, out Address address, out IResult problem)
    {
        if (!TryParse(text, out address, out problem))
        {
            return false;
        }

        var state = cluster.State;
        var wanted = address;
        if (state.Members.Any(m => m.Address == wanted) || state.Unreachable.Any(m => m.Address == wanted))
        {
            return true;
        }

        problem = AdminError.NotFound(
            "unknown_member",
            $"{address} is not a member of this cluster; members: {string.Join(", ", state.Members.Select(m => m.Address))}");
        return false;
    }

    private static bool TryParse(string? text, out Address address, out IResult problem)
    {
        problem = Results.Empty;
        address = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = AdminError.BadRequest("address_required", "give the member's address, e.g. akka.tcp://loom@127.0.0.1:4055");
            return false;
        }

        try
        {
            address = Address.Parse(text.Trim());
            if (address.Host is not null && address.Port is not null)
            {
                return true;
            }
        }
        catch (UriFormatException)
        {
        }
        catch (ArgumentException)
        {
        }

        problem = AdminError.BadRequest("invalid_address", $"'{text}' is not an Akka address like akka.tcp://loom@127.0.0.1:4055");
        return false;
    }
}
