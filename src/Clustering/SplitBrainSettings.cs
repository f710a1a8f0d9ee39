namespace LoomExchange.Clustering;

/// <summary>
/// <c>Loom:Cluster:SplitBrain</c>: the Split Brain Resolver that downs unreachable nodes so their shards can move.
/// </summary>
public sealed class SplitBrainSettings
{
    /// <summary>The strategies of Akka.NET's resolver that need no extra infrastructure.</summary>
    public static readonly IReadOnlySet<string> Strategies = new HashSet<string>(StringComparer.Ordinal)
    {
        "keep-majority", "keep-oldest", "static-quorum", "down-all",
    };

    public string Strategy { get; set; } = "keep-majority";

    /// <summary>How long the set of unreachable nodes must stay unchanged before the resolver acts.</summary>
    public string StableAfter { get; set; } = "500ms";

    /// <summary>
    /// How long after a node is downed its shards may start elsewhere: the time the downed side has to stop its own
    /// books in a partition. Empty = the same as <see cref="StableAfter"/> (Akka's rule).
    /// </summary>
    public string DownRemovalMargin { get; set; } = string.Empty;

    /// <summary>
    /// Down a member at once when its remoting port refuses connections (its process is gone) and this node reaches a
    /// majority of the members, rather than after the failure detector and <see cref="StableAfter"/>
    /// (<see cref="CrashedNodeDowning"/>). Off = the resolver alone downs.
    /// </summary>
    public bool DownRefusedNodes { get; set; } = true;

    /// <summary>For <c>static-quorum</c>: the smallest number of nodes that may keep running.</summary>
    public int QuorumSize { get; set; }

    /// <summary>For <c>keep-majority</c>, <c>keep-oldest</c> and <c>static-quorum</c>: count only nodes of this role (empty = all).</summary>
    public string Role { get; set; } = string.Empty;
}
