namespace LoomExchange.Admin.Cluster;

/// <summary><c>cluster status</c>: the answering node's own membership and a summary of the cluster around it.</summary>
public sealed record ClusterStatusView(
    string Address,
    string Status,
    IReadOnlyList<string> Roles,
    string? Leader,
    bool IsLeader,
    int Members,
    int Unreachable,
    bool Converged);
