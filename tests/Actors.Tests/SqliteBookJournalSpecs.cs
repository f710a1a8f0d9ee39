using Akka.Configuration;
using Akka.Persistence;
using LoomExchange.Actors.Journal;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// Books on the SQLite group-commit journal, where they write through the shared writer directly instead of
/// <c>PersistAsync</c> (decision 20): the same durability rules as through Akka.Persistence, checked on a real file.
/// </summary>
public sealed class SqliteBookJournalSpecs : BookSpec
{
    private const string PluginId = "loom.book-journal";
    private readonly string _directory;

    public SqliteBookJournalSpecs(ITestOutputHelper output)
        : this(output, Path.Combine(Path.GetTempPath(), $"loom-book-journal-{Guid.NewGuid():N}"))
    {
    }

    private SqliteBookJournalSpecs(ITestOutputHelper output, string directory)
        : base(output, PluginConfig(directory))
    {
        _directory = directory;
    }

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "books.db"), Pooling = false }.ToString();

    private static OrderBookSettings Settings => OrderBookSettings.Default with { JournalPluginId = PluginId };

    [Fact]
    public void Should_write_directly_only_on_the_sqlite_group_commit_journal()
    {
        var writers = BookJournalWriters.For(Sys);

        Assert.NotNull(writers.ForPlugin(PluginId));
        Assert.Null(writers.ForPlugin("akka.persistence.journal.test"));
        Assert.Null(writers.ForPlugin(null));
        Assert.Null(writers.ForPlugin("no.such.plugin"));
    }

    [Fact]
    public void Should_not_reply_before_the_commit_and_reply_after_it()
    {
        var book = StartBook(Settings);
        Execute(book, Limit(1, 1, Side.Buy, 100, 10));

        // Another connection holds SQLite's write lock: the writer's transaction waits (busy timeout) and so must the reply.
        using (var locker = Open())
        {
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                begin.ExecuteNonQuery();
            }

            var pending = Send(book, Limit(1, 2, Side.Buy, 95, 10));
            ExpectNoMsg(Quiet);
            Assert.Equal(1, JournalRows());

            locker.Close();
            var result = ExpectResult(pending);
            Assert.Equal(CommandStatus.Executed, result.Status);
        }

        Assert.Equal(2, JournalRows());
    }

    [Fact]
    public void Should_answer_in_order_each_after_its_own_commit_with_several_writes_in_flight()
    {
        var book = StartBook(Settings);
        Execute(book, Limit(1, 1, Side.Buy, 100, 10));

        long first, second, retryOfSecond;
        using (var locker = Open())
        {
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                begin.ExecuteNonQuery();
            }

            // Two writes in flight (MaxWritesInFlight = 2), and a retry whose original is in the second one.
            first = Send(book, Limit(1, 2, Side.Buy, 95, 10));
            second = Send(book, Limit(1, 3, Side.Buy, 90, 10));
            retryOfSecond = Send(book, Limit(1, 3, Side.Buy, 90, 10));
            ExpectNoMsg(Quiet);
            locker.Close();
        }

        Assert.Equal(CommandStatus.Executed, ExpectResult(first).Status);
        Assert.Equal(CommandStatus.Executed, ExpectResult(second).Status);
        Assert.Equal(CommandStatus.Duplicate, ExpectResult(retryOfSecond).Status);
        Assert.Equal(3, StatusOf(book).OrderCount);
    }

    [Fact]
    public void Should_stop_without_replying_when_the_commit_fails_and_recover_only_what_was_journaled()
    {
        var book = StartBook(Settings);
        Execute(book, Limit(1, 1, Side.Buy, 100, 10));
        Exec("CREATE TRIGGER refuse BEFORE INSERT ON book_journal BEGIN SELECT RAISE(ABORT, 'refused by the spec'); END;");

        Send(book, Limit(1, 2, Side.Buy, 95, 10));
        ExpectTerminated(book, Deadline);

        Exec("DROP TRIGGER refuse;");
        var recovered = StartBook(Settings);
        Assert.Equal(1, StatusOf(recovered).OrderCount);

        // The failed order was never acknowledged nor journaled: its retry is a new order, not a duplicate.
        var retry = Execute(recovered, Limit(1, 2, Side.Buy, 95, 10));
        Assert.Equal(CommandStatus.Executed, retry.Status);
        Assert.Equal(2, StatusOf(recovered).OrderCount);
    }

    [Fact]
    public void Should_label_snapshots_with_the_last_row_they_contain_and_recover_snapshot_plus_tail()
    {
        var book = StartBook(Settings with { SnapshotEveryWrites = 3 });
        for (var i = 1; i <= 10; i++)
        {
            Execute(book, Limit(1, i, Side.Buy, 100 - (5 * i), 10));
        }

        var before = StatusOf(book);
        AwaitAssert(() => Assert.Equal(9, LatestSnapshotSequenceNr()), Deadline);

        // A stop without the passivation snapshot: recovery reads the snapshot at row 9 and replays row 10.
        Sys.Stop(book);
        ExpectTerminated(book, Deadline);
        var recovered = StartBook(Settings with { SnapshotEveryWrites = 3 });

        Assert.Equal(before, StatusOf(recovered));
        Assert.Equal(CommandStatus.Duplicate, Execute(recovered, Limit(1, 10, Side.Buy, 50, 10)).Status);
        Assert.Equal(CommandStatus.Executed, Execute(recovered, Limit(1, 11, Side.Buy, 45, 10)).Status);
        Assert.Equal(11, JournalRows());
    }

    [Fact]
    public void Should_keep_matching_while_a_snapshot_waits_for_its_rows_to_commit()
    {
        var book = StartBook(Settings);
        Execute(book, Limit(1, 1, Side.Buy, 100, 10));

        long first, second;
        using (var locker = Open())
        {
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                begin.ExecuteNonQuery();
            }

            // Row 2 cannot commit: the snapshot holds it and must wait for it, but the next order is matched meanwhile.
            first = Send(book, Limit(1, 2, Side.Buy, 95, 10));
            book.Tell(new SnapshotBook(Symbol), TestActor);
            second = Send(book, Limit(1, 3, Side.Buy, 90, 10));
            Assert.Equal(3, StatusOf(book).OrderCount);
            Assert.Equal(0, LatestSnapshotSequenceNr());
            locker.Close();
        }

        var answers = ReceiveN(3, Deadline);
        var taken = Assert.Single(answers.OfType<BookSnapshotTaken>());
        Assert.True(taken.Saved, taken.Error);
        Assert.Equal(2, taken.JournalSequenceNr);
        Assert.Equal([first, second], answers.OfType<BookCommandResult>().Select(r => r.CorrelationId));
        Assert.Equal(2, LatestSnapshotSequenceNr());
    }

    [Fact]
    public void Should_not_save_a_snapshot_whose_rows_failed_to_commit()
    {
        var book = StartBook(Settings);
        Execute(book, Limit(1, 1, Side.Buy, 100, 10));
        Exec("CREATE TRIGGER refuse BEFORE INSERT ON book_journal WHEN NEW.sequence_nr = 2 BEGIN SELECT RAISE(ABORT, 'refused by the spec'); END;");

        using (var locker = Open())
        {
            using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                begin.ExecuteNonQuery();
            }

            // The snapshot is taken with the order of row 2 in it; row 2 then fails.
            Send(book, Limit(1, 2, Side.Buy, 95, 10));
            book.Tell(new SnapshotBook(Symbol), TestActor);
            Assert.Equal(2, StatusOf(book).OrderCount);
            locker.Close();
        }

        var answer = ExpectMsg<BookSnapshotTaken>(Deadline);
        Assert.False(answer.Saved);
        Assert.Contains("journal write failed", answer.Error, StringComparison.Ordinal);
        ExpectTerminated(book, Deadline);
        Assert.Equal(0, LatestSnapshotSequenceNr());

        // A snapshot of row 2 would have brought back an order that was never journaled nor acknowledged.
        Exec("DROP TRIGGER refuse;");
        var recovered = StartBook(Settings);
        Assert.Equal(1, StatusOf(recovered).OrderCount);
    }

    [Fact]
    public async Task Should_refuse_every_later_write_of_a_writer_whose_write_failed()
    {
        var writer = BookJournalWriters.For(Sys).ForPlugin(PluginId)!;
        Exec("CREATE TRIGGER refuse BEFORE INSERT ON book_journal WHEN NEW.sequence_nr = 1 BEGIN SELECT RAISE(ABORT, 'refused by the spec'); END;");

        var failed = new TaskJournalWrite([Row("orderbook-X", 1, "incarnation-1")]);
        Assert.True(writer.TryEnqueue(failed));
        await Assert.ThrowsAsync<SqliteException>(() => failed.Done);

        // Row 2 of the same incarnation would commit now (the trigger only refuses row 1): it must not, or row 1 is a gap.
        var later = new TaskJournalWrite([Row("orderbook-X", 2, "incarnation-1")]);
        Assert.True(writer.TryEnqueue(later));
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => later.Done);
        Assert.Contains("an earlier write of orderbook-X failed", refusal.Message, StringComparison.Ordinal);

        // Its successor incarnation writes under another id and is not affected.
        var successor = new TaskJournalWrite([Row("orderbook-X", 2, "incarnation-2")]);
        Assert.True(writer.TryEnqueue(successor));
        await successor.Done;
        Assert.Equal(1, JournalRows("orderbook-X"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Config PluginConfig(string directory)
    {
        Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "books.db"), Pooling = false }.ToString();
        return ConfigurationFactory.ParseString($$"""
            loom.book-journal {
              class = "{{typeof(GroupCommitSqliteJournal).AssemblyQualifiedName}}"
              plugin-dispatcher = "akka.actor.default-dispatcher"
              connection-string = "{{connectionString.Replace("\\", "\\\\", StringComparison.Ordinal)}}"
            }
            """);
    }

    private long LatestSnapshotSequenceNr()
    {
        SnapshotStoreRef.Tell(new LoadSnapshot(OrderBookActor.PersistenceIdOf(Symbol), SnapshotSelectionCriteria.Latest, long.MaxValue), TestActor);
        return ExpectMsg<LoadSnapshotResult>(Deadline).Snapshot?.Metadata.SequenceNr ?? 0;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private void Exec(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long JournalRows(string? persistenceId = null)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM book_journal WHERE persistence_id = $pid";
        command.Parameters.AddWithValue("$pid", persistenceId ?? OrderBookActor.PersistenceIdOf(Symbol));
        return (long)command.ExecuteScalar()!;
    }

    private static JournalRow Row(string persistenceId, long sequenceNr, string writerUuid) =>
        new(persistenceId, sequenceNr, "manifest", 0, writerUuid, 0, [1, 2, 3]);
}
