namespace LoomExchange.Clustering;

/// <summary>
/// <c>Loom:Cluster:FailureDetector</c>: the phi-accrual detector that decides a node is unreachable. A crashed node
/// is noticed roughly <c>HeartbeatInterval + AcceptableHeartbeatPause</c> plus a few standard deviations after its
/// last heartbeat; shorter values fail over sooner and risk calling a paused (GC, CPU-starved) node unreachable.
/// See docs/decisions.md for the measured trade-off behind the defaults.
/// </summary>
public sealed class FailureDetectorSettings
{
    public string HeartbeatInterval { get; set; } = "250ms";

    public string AcceptableHeartbeatPause { get; set; } = "1s";

    /// <summary>Phi above which a node is unreachable (Akka's default 8).</summary>
    public double Threshold { get; set; } = 8.0;
}
