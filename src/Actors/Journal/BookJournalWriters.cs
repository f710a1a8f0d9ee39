using System.Collections.Concurrent;
using Akka.Actor;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// The group-commit writers of one actor system, one per book journal (a SQLite file, or the PostgreSQL journal table):
/// found by the SQLite journal plugin and by the books, which write through them directly (decisions 20 and 23).
/// Writers drain and close when the actor system terminates.
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

    /// <summary>HOCON path of the direct PostgreSQL book writes: <c>connection-string</c> and <c>table-name</c> (decision 23).</summary>
    public const string PostgresConfigPath = "loom.book-journal-postgres";

    /// <summary>
    /// The writer of journal plugin <paramref name="journalPluginId"/> when the books may write its rows directly: our
    /// SQLite group-commit journal, or the default journal (null id) when <see cref="PostgresConfigPath"/> names its
    /// PostgreSQL database. Null for any other plugin (the TestKit's, a PostgreSQL journal without that setting),
    /// whose writes go through Akka.Persistence.
    /// </summary>
    internal GroupCommitWriter? ForPlugin(string? journalPluginId)
    {
        var config = _system.Settings.Config;
        if (string.IsNullOrEmpty(journalPluginId))
        {
            return config.HasPath(PostgresConfigPath) && config.GetString(PostgresConfigPath + ".connection-string", null) is { Length: > 0 } postgres
                ? ForPostgres(postgres, config.GetString(PostgresConfigPath + ".table-name", "journal"))
                : null;
        }

        if (!config.HasPath(journalPluginId))
        {
            return null;
        }

        var plugin = config.GetConfig(journalPluginId);
        var pluginClass = plugin.GetString("class", string.Empty);
        var ours = pluginClass.StartsWith(typeof(GroupCommitSqliteJournal).FullName + ",", StringComparison.Ordinal);
        return ours && plugin.GetString("connection-string", null) is { } connectionString ? For(connectionString) : null;
    }

    internal GroupCommitWriter For(string connectionString) =>
        _writers.GetOrAdd(connectionString, cs => new Lazy<GroupCommitWriter>(() => new GroupCommitWriter(cs))).Value;

    private GroupCommitWriter ForPostgres(string connectionString, string tableName) =>
        _writers.GetOrAdd("postgres|" + tableName + "|" + connectionString, _ => new Lazy<GroupCommitWriter>(() => new GroupCommitWriter(new PostgresJournalStore(connectionString, tableName)))).Value;
}
