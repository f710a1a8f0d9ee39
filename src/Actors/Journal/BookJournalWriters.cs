using System.Collections.Concurrent;
using Akka.Actor;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// The group-commit writers of one actor system, one per SQLite book journal file: found by the journal plugin and by
/// the books, which write through it directly (decision 20). Writers drain and close when the actor system terminates.
/// </summary>
public sealed class BookJournalWriters : IExtension
{
    private readonly ConcurrentDictionary<string, Lazy<GroupCommitWriter>> _writers = new(StringComparer.Ordinal);
    private readonly ExtendedActorSystem _system;

    public BookJournalWriters(ExtendedActorSystem system)
    {
        _system = system;
        system.RegisterOnTermination(() =>
        {
            foreach (var writer in _writers.Values)
            {
                if (writer.IsValueCreated)
                {
                    writer.Value.Dispose();
                }
            }
        });
    }

    public static BookJournalWriters For(ActorSystem system) => system.WithExtension<BookJournalWriters, BookJournalWritersProvider>();

    /// <summary>
    /// The writer of journal plugin <paramref name="journalPluginId"/> when that plugin is our SQLite group-commit
    /// journal; null for any other plugin (PostgreSQL, the TestKit's), whose writes go through Akka.Persistence.
    /// </summary>
    internal GroupCommitWriter? ForPlugin(string? journalPluginId)
    {
        if (string.IsNullOrEmpty(journalPluginId) || !_system.Settings.Config.HasPath(journalPluginId))
        {
            return null;
        }

        var plugin = _system.Settings.Config.GetConfig(journalPluginId);
        var pluginClass = plugin.GetString("class", string.Empty);
        var ours = pluginClass.StartsWith(typeof(GroupCommitSqliteJournal).FullName + ",", StringComparison.Ordinal);
        return ours && plugin.GetString("connection-string", null) is { } connectionString ? For(connectionString) : null;
    }

    internal GroupCommitWriter For(string connectionString) =>
        _writers.GetOrAdd(connectionString, cs => new Lazy<GroupCommitWriter>(() => new GroupCommitWriter(cs))).Value;
}
