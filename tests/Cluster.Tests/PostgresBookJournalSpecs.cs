using LoomExchange.Actors.Journal;
using LoomExchange.Node.Tests;
using Npgsql;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// The books' direct PostgreSQL writes (decision 23) on a real server: rows land in Akka.Persistence.Sql's journal table
/// as the plugin writes them, and the table's unique key fences two incarnations of a book without failing the other
/// books of the round.
/// </summary>
public sealed class PostgresBookJournalSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_be_the_books_write_path_on_a_postgres_node()
    {
        var database = await postgres.CreateDatabaseAsync("direct_node");
        await using var node = await ClusterNode.StartAsync("direct", database, ClusterSpecSymbols.All, seed: null, output);

        // The books' journal plugin id is the default one (null): the node's configuration maps it to the direct writer.
        Assert.NotNull(BookJournalWriters.For(node.System).ForPlugin(null));
    }

    [Fact]
    public async Task Should_write_rows_as_the_journal_plugin_stores_them()
    {
        var database = await CreateJournalAsync("direct_rows");
        using var writer = new GroupCommitWriter(new PostgresJournalStore(database, "journal"));

        var row = new JournalRow("orderbook-X", 1, "bb", 7401, "writer-a", 639_322_722_541_285_211, [1, 2, 3, 250]);
        var write = new TaskJournalWrite([row]);
        Assert.True(writer.TryEnqueue(write));
        await write.Done.WaitAsync(Wait);

        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand("SELECT created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid FROM journal", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(row.Timestamp, reader.GetInt64(0));
        Assert.False(reader.GetBoolean(1));
        Assert.Equal(row.PersistenceId, reader.GetString(2));
        Assert.Equal(row.SequenceNr, reader.GetInt64(3));
        Assert.Equal(row.Payload, (byte[])reader.GetValue(4));
        Assert.Equal(row.Manifest, reader.GetString(5));
        Assert.Equal(row.SerializerId, reader.GetInt32(6));
        Assert.Equal(row.WriterUuid, reader.GetString(7));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Should_refuse_only_the_write_whose_sequence_number_another_incarnation_journaled_and_commit_the_rest_of_its_round()
    {
        var database = await CreateJournalAsync("direct_fence");
        using var writer = new GroupCommitWriter(new PostgresJournalStore(database, "journal"));

        // The book's previous owner already journaled X:1 (a failover race).
        await CommitAsync(writer, Row("orderbook-X", 1, "old-owner"));

        // Hold the table so that the next writes queue up and share one round.
        await using (var holder = await OpenAsync(database))
        {
            await using (var transaction = await holder.BeginTransactionAsync())
            {
                await using (var lockTable = new NpgsqlCommand("LOCK TABLE journal IN EXCLUSIVE MODE", holder, transaction))
                {
                    await lockTable.ExecuteNonQueryAsync();
                }

                var first = new TaskJournalWrite([Row("orderbook-Z", 1, "other-book")]);
                Assert.True(writer.TryEnqueue(first));
                await AwaitWriterBlockedAsync(database);

                var fenced = new TaskJournalWrite([Row("orderbook-X", 1, "new-owner")]);
                var bystander = new TaskJournalWrite([Row("orderbook-Y", 1, "bystander")]);
                Assert.True(writer.TryEnqueue(fenced));
                Assert.True(writer.TryEnqueue(bystander));
                await transaction.CommitAsync();

                await first.Done.WaitAsync(Wait);
                var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => fenced.Done.WaitAsync(Wait));
                Assert.Contains("orderbook-X sequence number 1 is already journaled by another writer", refusal.Message, StringComparison.Ordinal);
                await bystander.Done.WaitAsync(Wait);
            }
        }

        // The refused incarnation's later write must not land either: it would follow a row that is not its own.
        var later = new TaskJournalWrite([Row("orderbook-X", 2, "new-owner")]);
        Assert.True(writer.TryEnqueue(later));
        await Assert.ThrowsAsync<InvalidOperationException>(() => later.Done.WaitAsync(Wait));

        Assert.Equal(
            ["orderbook-X:1:old-owner", "orderbook-Y:1:bystander", "orderbook-Z:1:other-book"],
            await RowsAsync(database));
    }

    [Fact]
    public async Task Should_fail_the_round_whose_connection_was_lost_and_write_the_next_on_a_new_one()
    {
        var database = await CreateJournalAsync("direct_reconnect");
        using var writer = new GroupCommitWriter(new PostgresJournalStore(database, "journal"));
        await CommitAsync(writer, Row("orderbook-X", 1, "book-x"));

        // The server ends the writer's session (a restart or a failover of the database looks the same from here).
        await using (var admin = await OpenAsync(database))
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            await terminate.ExecuteNonQueryAsync();
        }

        // Nothing of that round is journaled and its writer hears so: it stops, nothing was acknowledged.
        var lost = new TaskJournalWrite([Row("orderbook-Y", 1, "book-y")]);
        Assert.True(writer.TryEnqueue(lost));
        await Assert.ThrowsAnyAsync<Exception>(() => lost.Done.WaitAsync(Wait));

        // The next round opens a new connection.
        await CommitAsync(writer, Row("orderbook-Z", 1, "book-z"));
        Assert.Equal(["orderbook-X:1:book-x", "orderbook-Z:1:book-z"], await RowsAsync(database));
    }

    private static JournalRow Row(string persistenceId, long sequenceNr, string writerUuid) =>
        new(persistenceId, sequenceNr, "bb", 7401, writerUuid, DateTime.UtcNow.Ticks, [1, 2, 3]);

    private static async Task CommitAsync(GroupCommitWriter writer, JournalRow row)
    {
        var write = new TaskJournalWrite([row]);
        Assert.True(writer.TryEnqueue(write));
        await write.Done.WaitAsync(Wait);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string database)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A fresh database with Akka.Persistence.Sql's PostgreSQL journal table, as the plugin creates it.</summary>
    private async Task<string> CreateJournalAsync(string name)
    {
        var database = await postgres.CreateDatabaseAsync(name);
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE journal (
              ordering bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "PK_journal" PRIMARY KEY,
              created bigint NOT NULL,
              deleted boolean NOT NULL,
              persistence_id text NOT NULL,
              sequence_number bigint NOT NULL,
              message bytea NOT NULL,
              manifest text,
              identifier integer,
              writer_uuid text,
              CONSTRAINT journal_uq UNIQUE (persistence_id, sequence_number))
            """,
            connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    private static async Task<List<string>> RowsAsync(string database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand("SELECT persistence_id || ':' || sequence_number || ':' || writer_uuid FROM journal ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Waits until a session of the database waits for a lock: the writer's round is under way and blocked.</summary>
    private static async Task AwaitWriterBlockedAsync(string database)
    {
        using var deadline = new CancellationTokenSource(Wait);
        await using var connection = await OpenAsync(database);
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        while ((long)(await command.ExecuteScalarAsync(deadline.Token))! == 0)
        {
            // Polling for a state the server gives no other signal of, bounded by the deadline above.
            await Task.Delay(20, deadline.Token);
        }
    }
}
