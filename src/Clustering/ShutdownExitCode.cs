using Akka.Actor;

namespace LoomExchange.Clustering;

/// <summary>
/// The process exit code after the actor system stopped. Akka.Hosting reports any stop it did not start itself as a
/// failure (-1), which is right for a node that was downed (its orchestrator should restart it) but wrong for one that
/// was told to leave (<c>loomctl cluster leave</c>, a Kubernetes preStop hook): a requested leave exits 0, like SIGTERM.
/// </summary>
public static class ShutdownExitCode
{
    /// <summary>Sets <see cref="Environment.ExitCode"/> from why the actor system stopped; returns that reason for the log.</summary>
    public static CoordinatedShutdown.Reason? Apply(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var reason = CoordinatedShutdown.Get(system).ShutdownReason;
        if (reason is CoordinatedShutdown.ClusterLeavingReason)
        {
            Environment.ExitCode = 0;
        }

        return reason;
    }
}
