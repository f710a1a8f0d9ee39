using Microsoft.Data.Sqlite;

namespace LoomExchange.Actors.Journal;

/// <summary>The book journal's tables and connections: WAL (readers never block the writer), synchronous FULL (every commit fsynced).</summary>
internal static class JournalSchema
{
    public static void Create(string connectionString)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS book_journal(
              persistence_id TEXT NOT NULL,
              sequence_nr INTEGER NOT NULL,
              manifest TEXT NOT NULL,
              serializer_id INTEGER NOT NULL,
              writer_uuid TEXT NOT NULL,
              timestamp INTEGER NOT NULL,
              payload BLOB NOT NULL,
              PRIMARY KEY(persistence_id, sequence_nr)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS book_journal_highest(
              persistence_id TEXT NOT NULL PRIMARY KEY,
              sequence_nr INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Configure(connection);
        return connection;
    }

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        Configure(connection);
        return connection;
    }

    private static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
        command.ExecuteNonQuery();
    }
}
