namespace LoomExchange.Admin.Cluster;

/// <summary>The cluster as the answering node sees it: members (then their count), the leader, who answered.</summary>
public sealed record ClusterView(string Self, string? Leader, IReadOnlyList<MemberView> Members, int Count);
