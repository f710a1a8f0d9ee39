using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using LoomExchange.Messages.Configuration;

namespace LoomExchange.Clustering;

/// <summary>
/// The failure detector, Split Brain Resolver and cluster housekeeping intervals of one node, as HOCON. Exchange
/// nodes and Lighthouses must run the same values: any of them may be the leader that downs a crashed node.
/// </summary>
public sealed class ClusterTiming
{
    /// <summary>A dispatcher of its own for the cluster's heartbeats and gossip, so a busy thread pool cannot starve them into a false down.</summary>
    public const string DispatcherId = "loom.cluster-dispatcher";

    private ClusterTiming(
        TimeSpan heartbeatInterval,
        TimeSpan acceptableHeartbeatPause,
        double threshold,
        string strategy,
        TimeSpan stableAfter,
        TimeSpan downRemovalMargin,
        SplitBrainSettings splitBrain)
    {
        HeartbeatInterval = heartbeatInterval;
        AcceptableHeartbeatPause = acceptableHeartbeatPause;
        Threshold = threshold;
        Strategy = strategy;
        StableAfter = stableAfter;
        DownRemovalMargin = downRemovalMargin;
        QuorumSize = splitBrain.QuorumSize;
        Role = splitBrain.Role;
        DownRefusedNodes = splitBrain.DownRefusedNodes;
    }

    public TimeSpan HeartbeatInterval { get; }

    public TimeSpan AcceptableHeartbeatPause { get; }

    public double Threshold { get; }

    public string Strategy { get; }

    public TimeSpan StableAfter { get; }

    public TimeSpan DownRemovalMargin { get; }

    public int QuorumSize { get; }

    public string Role { get; }

    /// <summary>Whether <see cref="CrashedNodeDowning"/> runs (<c>Loom:Cluster:SplitBrain:DownRefusedNodes</c>).</summary>
    public bool DownRefusedNodes { get; }

    /// <summary>
    /// How often gossip, leader actions (moving a downed node to removed) and the unreachability check run: Akka's 1 s
    /// defaults would each add up to a second to a failover, so they follow the heartbeat, within 100 ms..1 s.
    /// </summary>
    public TimeSpan HousekeepingInterval => TimeSpan.FromMilliseconds(Math.Clamp(HeartbeatInterval.TotalMilliseconds, 100, 1000));

    /// <summary>Validates the settings; every error names its configuration key.</summary>
    public static ClusterTiming From(FailureDetectorSettings failureDetector, SplitBrainSettings splitBrain)
    {
        ArgumentNullException.ThrowIfNull(failureDetector);
        ArgumentNullException.ThrowIfNull(splitBrain);
        const string fd = "Loom:Cluster:FailureDetector:";
        const string sbr = "Loom:Cluster:SplitBrain:";
        var heartbeat = DurationText.Parse(failureDetector.HeartbeatInterval, fd + "HeartbeatInterval");
        var pause = DurationText.Parse(failureDetector.AcceptableHeartbeatPause, fd + "AcceptableHeartbeatPause");
        if (heartbeat < TimeSpan.FromMilliseconds(50) || heartbeat > TimeSpan.FromSeconds(10))
        {
            throw new InvalidConfigurationException($"{fd}HeartbeatInterval {failureDetector.HeartbeatInterval} must be between 50ms and 10s");
        }

        if (pause < heartbeat)
        {
            throw new InvalidConfigurationException($"{fd}AcceptableHeartbeatPause {failureDetector.AcceptableHeartbeatPause} must be at least the heartbeat interval");
        }

        if (failureDetector.Threshold is < 1 or > 20 || double.IsNaN(failureDetector.Threshold))
        {
            throw new InvalidConfigurationException($"{fd}Threshold {failureDetector.Threshold} must be between 1 and 20 (Akka's default 8)");
        }

        if (!SplitBrainSettings.Strategies.Contains(splitBrain.Strategy))
        {
            throw new InvalidConfigurationException($"{sbr}Strategy '{splitBrain.Strategy}' is not one of {string.Join(", ", SplitBrainSettings.Strategies)}");
        }

        if (splitBrain.Strategy == "static-quorum" && splitBrain.QuorumSize < 1)
        {
            throw new InvalidConfigurationException($"{sbr}QuorumSize must be at least 1 with the static-quorum strategy");
        }

        var stableAfter = DurationText.Parse(splitBrain.StableAfter, sbr + "StableAfter");
        var margin = string.IsNullOrWhiteSpace(splitBrain.DownRemovalMargin)
            ? stableAfter
            : DurationText.Parse(splitBrain.DownRemovalMargin, sbr + "DownRemovalMargin");
        return new ClusterTiming(heartbeat, pause, failureDetector.Threshold, splitBrain.Strategy, stableAfter, margin, splitBrain);
    }

    /// <summary>Starts <see cref="CrashedNodeDowning"/> when <see cref="DownRefusedNodes"/> is on; call once the cluster extension runs.</summary>
    public void StartCrashedNodeDowning(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (DownRefusedNodes)
        {
            system.ActorOf(CrashedNodeDowning.Props(), CrashedNodeDowning.Name);
        }
    }

    public Config ToConfig()
    {
        var role = Role.Replace("\"", string.Empty, StringComparison.Ordinal);
        var housekeeping = DurationText.ToHocon(HousekeepingInterval);
        return ConfigurationFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
            akka.cluster {
              use-dispatcher = "{{DispatcherId}}"
              gossip-interval = {{housekeeping}}
              leader-actions-interval = {{housekeeping}}
              unreachable-nodes-reaper-interval = {{housekeeping}}
              failure-detector {
                heartbeat-interval = {{DurationText.ToHocon(HeartbeatInterval)}}
                acceptable-heartbeat-pause = {{DurationText.ToHocon(AcceptableHeartbeatPause)}}
                expected-response-after = {{DurationText.ToHocon(HeartbeatInterval)}}
                threshold = {{Threshold}}
              }
              downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
              down-removal-margin = {{DurationText.ToHocon(DownRemovalMargin)}}
              split-brain-resolver {
                active-strategy = {{Strategy}}
                stable-after = {{DurationText.ToHocon(StableAfter)}}
                keep-majority.role = "{{role}}"
                keep-oldest.role = "{{role}}"
                static-quorum {
                  quorum-size = {{QuorumSize}}
                  role = "{{role}}"
                }
              }
            }
            {{DispatcherId}} {
              type = ForkJoinDispatcher
              throughput = 100
              dedicated-thread-pool {
                thread-count = 2
                threadtype = background
              }
            }
            """));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"failure detector heartbeat {HeartbeatInterval.TotalMilliseconds}ms pause {AcceptableHeartbeatPause.TotalMilliseconds}ms threshold {Threshold}; split brain {Strategy} stable-after {StableAfter.TotalMilliseconds}ms down-removal-margin {DownRemovalMargin.TotalMilliseconds}ms; refused nodes downed at once: {(DownRefusedNodes ? "yes" : "no")}");
}
