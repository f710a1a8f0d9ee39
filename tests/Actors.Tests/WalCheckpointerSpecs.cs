using LoomExchange.Actors.Journal;
using Microsoft.Data.Sqlite;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// The book journal's writer never checkpoints on its own (its automatic checkpoint is off); the checkpointer's own
/// thread moves the WAL into the database file, so the file grows while the writer's connection stays open. Once the
/// WAL is long, the writer finishes a checkpoint between rounds and the WAL is written from its start again.
/// </summary>
public sealed class WalCheckpointerSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("loom-wal-").FullName;

    [Fact]
    public void Should_move_committed_rows_into_the_database_file_without_the_writer()
    {
        var (path, connectionString) = CreateJournal();
        using var writer = JournalSchema.Open(connectionString);
        using var checkpoints = new WalCheckpointer(connectionString, writer);
        var before = new FileInfo(path).Length;

        Insert(writer, first: 1, rows: 500);

        AwaitAssert(() => Assert.True(new FileInfo(path).Length > before + (500 * 1024), $"database file still {new FileInfo(path).Length} bytes"));
    }

    [Fact]
    public void Should_write_the_WAL_from_its_start_again_once_the_writer_has_finished_a_checkpoint()
    {
        var (path, connectionString) = CreateJournal();
        using var writer = JournalSchema.Open(connectionString);
        using var checkpoints = new WalCheckpointer(connectionString, writer, Timeout.InfiniteTimeSpan, restartAfterFrames: 64);
        for (var n = 1; n <= 100; n++)
        {
            Insert(writer, n, rows: 1);
        }

        // As in the journal, the books write on while the checkpoint runs, so it cannot copy the newest frames: here a
        // reader that began before the last write holds them back, the same state a write during the copy leaves.
        using (var early = JournalSchema.Open(connectionString))
        using (var snapshot = early.BeginTransaction(deferred: true))
        {
            using var read = early.CreateCommand();
            read.CommandText = "SELECT count(*) FROM book_journal";
            Assert.Equal(100L, (long)read.ExecuteScalar()!);
            Insert(writer, 101, rows: 1);
            checkpoints.CheckpointNow();
        }

        Assert.True(checkpoints.RestartWanted, "100 transactions of a page or more each are past 64 frames");
        var wal = new FileInfo(path + "-wal");
        var grown = wal.Length;
        checkpoints.FinishOnWriter();
        Assert.False(checkpoints.RestartWanted);
        for (var n = 102; n <= 150; n++)
        {
            Insert(writer, n, rows: 1);
        }

        // Forty-nine transactions went into the first half of the old WAL instead of after its end.
        wal.Refresh();
        Assert.Equal(grown, wal.Length);
        using var reader = JournalSchema.Open(connectionString);
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM book_journal";
        Assert.Equal(150L, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void Should_not_ask_the_writer_to_finish_a_checkpoint_while_the_WAL_is_short()
    {
        var (path, connectionString) = CreateJournal();
        using var writer = JournalSchema.Open(connectionString);
        using var checkpoints = new WalCheckpointer(connectionString, writer, Timeout.InfiniteTimeSpan, restartAfterFrames: 1_000);
        for (var n = 1; n <= 10; n++)
        {
            Insert(writer, n, rows: 1);
        }

        checkpoints.CheckpointNow();

        Assert.False(checkpoints.RestartWanted);
    }

    [Fact]
    public async Task Should_keep_the_WAL_of_a_journal_that_never_stops_writing_from_growing()
    {
        var path = Path.Combine(_directory, "books.db");
        var connectionString = ConnectionString(path);
        using var writer = new GroupCommitWriter(new SqliteJournalStore(connectionString, TimeSpan.FromMilliseconds(20), walRestartAfterFrames: 64));
        var wal = new FileInfo(path + "-wal");
        var payload = new byte[2048];

        // Round after round, as books under load write: the background checkpoint never sees an idle moment. Each
        // round adds at least one 4 KB page to the WAL, so the rows outgrow the WAL's length only if it started again.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        long rounds = 0;
        do
        {
            var write = new TaskJournalWrite([new JournalRow("orderbook-X", ++rounds, "bb", 7401, "writer", 0, payload)]);
            Assert.True(writer.TryEnqueue(write));
            await write.Done.WaitAsync(TimeSpan.FromSeconds(10));
            wal.Refresh();
        }
        while (rounds * 4096 <= 2 * wal.Length && DateTime.UtcNow < deadline);

        Assert.True(rounds * 4096 > 2 * wal.Length, $"{rounds} rounds, WAL {wal.Length} bytes: it never started again");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private (string Path, string ConnectionString) CreateJournal()
    {
        var path = Path.Combine(_directory, "books.db");
        var connectionString = ConnectionString(path);
        JournalSchema.Create(connectionString);
        return (path, connectionString);
    }

    private static void Insert(SqliteConnection writer, int first, int rows)
    {
        using var transaction = writer.BeginTransaction();
        using var command = writer.CreateCommand();
        command.CommandText = "INSERT INTO book_journal VALUES ('p', $n, 'm', 1, 'w', 0, zeroblob(2048))";
        var n = command.Parameters.Add("$n", SqliteType.Integer);
        for (var i = first; i < first + rows; i++)
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
