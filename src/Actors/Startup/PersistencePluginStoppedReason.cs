using Akka.Actor;

namespace LoomExchange.Actors.Startup;

/// <summary>Why the node shut down: a journal or snapshot-store plugin stopped (see <see cref="PersistencePluginWatchdog"/>).</summary>
public sealed class PersistencePluginStoppedReason : CoordinatedShutdown.Reason
{
    public static readonly PersistencePluginStoppedReason Instance = new();

    private PersistencePluginStoppedReason()
    {
    }

    /// <summary>Not 0: the orchestrator should start the node again.</summary>
    public override int ExitCode => 1;

    public override string ToString() => "a persistence plugin stopped";
}
