using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace LoomExchange.Actors.Startup;

/// <summary>
/// Shuts the node down (exit code not 0) when a journal or snapshot-store plugin actor stops while the node runs.
/// </summary>
/// <remarks>
/// Akka.Persistence starts each plugin once and never again, and Akka.Persistence.Sql's journal and snapshot store stop
/// themselves for good when their table initialization fails (database unreachable at that moment, a failed concurrent
/// create). Such a node stays alive but can persist nothing: books moved to it never recover, and its readiness never
/// turns. Exiting hands its shards to the other nodes and lets the orchestrator start it again on a working database.
/// </remarks>
public sealed class PersistencePluginWatchdog : ReceiveActor
{
    private readonly Dictionary<IActorRef, string> _watched = [];

    public PersistencePluginWatchdog(IReadOnlyList<string?> journalPluginIds)
    {
        var persistence = Persistence.Instance.Apply(Context.System);
        foreach (var id in journalPluginIds.Distinct())
        {
            Watch(persistence.JournalFor(id), $"journal {id ?? "(default)"}");
        }

        Watch(persistence.SnapshotStoreFor(null), "snapshot store (default)");
        Receive<Terminated>(OnPluginStopped);
    }

    /// <param name="journalPluginIds">The journals the node writes to; null is the default journal.</param>
    public static Props Props(IReadOnlyList<string?> journalPluginIds) => Akka.Actor.Props.Create(() => new PersistencePluginWatchdog(journalPluginIds));

    private void Watch(IActorRef plugin, string name)
    {
        _watched[plugin] = name;
        Context.Watch(plugin);
    }

    private void OnPluginStopped(Terminated terminated)
    {
        var shutdown = CoordinatedShutdown.Get(Context.System);
        if (shutdown.ShutdownReason is not null)
        {
            return; // stopping anyway
        }

        var name = _watched.GetValueOrDefault(terminated.ActorRef, terminated.ActorRef.Path.ToString());
        Context.GetLogger().Error(
            "the persistence plugin {0} ({1}) stopped and will not start again (see its error above, usually a failed table initialization); this node can persist nothing, so it shuts down",
            name,
            terminated.ActorRef.Path);
        shutdown.Run(PersistencePluginStoppedReason.Instance);
    }
}
