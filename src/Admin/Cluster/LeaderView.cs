namespace LoomExchange.Admin.Cluster;

/// <summary><c>cluster leader</c>: the leader, and the leader of each role.</summary>
public sealed record LeaderView(string? Leader, IReadOnlyDictionary<string, string?> RoleLeaders);
