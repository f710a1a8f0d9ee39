namespace LoomExchange.Admin.Cluster;

/// <summary>One line of <c>cluster tail</c>: a membership, reachability or leader event.</summary>
public sealed record MembershipChange(DateTimeOffset Time, string Event, string? Address, string? Status, IReadOnlyList<string>? Roles);
