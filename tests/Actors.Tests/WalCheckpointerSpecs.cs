using LoomExchange.Actors.Journal;
using Microsoft.Data.Sqlite;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// The book journal's writer never checkpoints (its automatic checkpoint is off); the checkpointer's own thread moves
/// the WAL into the database file, so the file grows while the writer's connection stays open.
/// </summary>
public sealed class WalCheckpointerSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("loom-wal-").FullName;

    [Fact]
    public void Should_move_committed_rows_into_the_database_file_without_the_writer()
    {
        var path = Path.Combine(_directory, "books.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        JournalSchema.Create(connectionString);
        using var writer = JournalSchema.Open(connectionString);
        using var checkpoints = new WalCheckpointer(connectionString, writer);
        var before = new FileInfo(path).Length;

        Insert(writer, rows: 500);

        AwaitAssert(() => Assert.True(new FileInfo(path).Length > before + (500 * 1024), $"database file still {new FileInfo(path).Length} bytes"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void Insert(SqliteConnection writer, int rows)
    {
        using var transaction = writer.BeginTransaction();
        using var command = writer.CreateCommand();
        command.CommandText = "INSERT INTO book_journal VALUES ('p', $n, 'm', 1, 'w', 0, zeroblob(2048))";
        var n = command.Parameters.Add("$n", SqliteType.Integer);
        for (var i = 1; i <= rows; i++)
        {
            n.Value = i;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void AwaitAssert(Action assertion)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Xunit.Sdk.XunitException) when (DateTime.UtcNow < deadline)
            {
                using var wait = new ManualResetEventSlim();
                wait.Wait(50);
            }
        }
    }
}
