using Microsoft.Data.Sqlite;

namespace LoomExchange.Actors.Journal;

/// <summary>The writer's SQLite connection: prepared native statements, one transaction per round, WAL checkpoints apart.</summary>
internal sealed class SqliteJournalConnection : IJournalConnection
{
    private readonly SqliteConnection _connection;
    private readonly WalCheckpointer _checkpoints;
    private readonly JournalInsertStatements _statements;

    public SqliteJournalConnection(string connectionString, TimeSpan? checkpointInterval, int walRestartAfterFrames)
    {
        _connection = JournalSchema.Open(connectionString);
        _checkpoints = new WalCheckpointer(connectionString, _connection, checkpointInterval, walRestartAfterFrames);
        _statements = new JournalInsertStatements(_connection);
    }

    public void Commit(List<JournalWrite> group, List<(JournalWrite Write, Exception Cause)> refused)
    {
        // One node writes a SQLite file, so no other incarnation can hold a row: a failure fails the whole round.
        try
        {
            _statements.Begin();
            foreach (var write in group)
            {
                foreach (var row in write.Rows)
                {
                    _statements.Insert(row);
                }
            }

            _statements.Commit();
        }
        catch (SqliteException)
        {
            _statements.Rollback();
            throw;
        }
    }

    public void AfterRound()
    {
        if (_checkpoints.RestartWanted)
        {
            _checkpoints.FinishOnWriter();
        }
    }

    public void Dispose()
    {
        _statements.Dispose();
        _checkpoints.Dispose();
        _connection.Dispose();
    }
}
