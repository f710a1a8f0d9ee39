using Microsoft.Data.Sqlite;

namespace LoomExchange.Actors.Journal;

/// <summary>
/// Moves the WAL into the database file off the commit path. SQLite's automatic checkpoint runs inside the
/// commit that crosses the threshold and stalls it for milliseconds (copy plus fsync of the main file);
/// here the writer's automatic checkpoint is off and a passive checkpoint runs every 200 ms on a connection
/// of its own, which never blocks the writer.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Timer _timer;
    private int _running;

    public WalCheckpointer(string connectionString, SqliteConnection writer)
    {
        using (var command = writer.CreateCommand())
        {
            command.CommandText = "PRAGMA wal_autocheckpoint=0;";
            command.ExecuteNonQuery();
        }

        _connection = JournalSchema.Open(connectionString);
        _timer = new Timer(_ => Checkpoint(), null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200));
    }

    public void Dispose()
    {
        _timer.Dispose();
        while (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            Thread.Yield();
        }

        _connection.Dispose();
    }

    private void Checkpoint()
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return;
        }

        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A busy or failed passive checkpoint is retried on the next tick; the WAL keeps every commit meanwhile.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
