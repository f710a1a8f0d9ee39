namespace LoomExchange.Admin.Cluster;

/// <summary>One cluster member as <c>cluster show</c> prints it.</summary>
public sealed record MemberView(string Address, IReadOnlyList<string> Roles, string Status, bool Reachable, string AppVersion)
{
    public static MemberView Of(Akka.Cluster.Member member, bool reachable) => new(
        member.Address.ToString(),
        [.. member.Roles.Order(StringComparer.Ordinal)],
        member.Status.ToString(),
        reachable,
        member.AppVersion.ToString());
}
