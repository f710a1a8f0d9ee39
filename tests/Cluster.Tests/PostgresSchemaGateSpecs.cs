using LoomExchange.Node.Hosting;
using LoomExchange.Node.Tests;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// The schema gate lets one node at a time create the journal tables on an empty database (PostgreSQL fails concurrent
/// CREATE TABLE IF NOT EXISTS of one table, and Akka.Persistence.Sql's journal then stops for good), and costs nothing
/// once the tables exist.
/// </summary>
public sealed class PostgresSchemaGateSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly ILogger _log = new TestOutputLoggerProvider(output, "gate").CreateLogger("gate");

    [Fact]
    public async Task On_an_empty_database_one_node_holds_the_lock_and_the_next_goes_on_once_the_tables_exist()
    {
        var database = await postgres.CreateDatabaseAsync("gate_empty");
        await using var first = await PostgresSchemaGate.EnterAsync(database, Wait, Wait, _log, CancellationToken.None);
        Assert.True(first.IsHolding);

        var second = PostgresSchemaGate.EnterAsync(database, Wait, Wait, _log, CancellationToken.None);
        await AwaitSessionsAsync(database, 2);
        Assert.False(second.IsCompleted, "the second node went on while the first still held the lock");

        // The first node's plugins create the tables, then its warm-up finishes: the lock goes.
        await CreateTablesAsync(database);
        await first.ReleaseWhenAsync(Task.CompletedTask, Wait, _log);
        await using var passed = await second.WaitAsync(Wait);
        Assert.False(passed.IsHolding);
    }

    [Fact]
    public async Task A_node_whose_lock_holder_died_before_creating_the_tables_creates_them_itself()
    {
        var database = await postgres.CreateDatabaseAsync("gate_holder_died");
        var first = await PostgresSchemaGate.EnterAsync(database, Wait, Wait, _log, CancellationToken.None);
        var second = PostgresSchemaGate.EnterAsync(database, Wait, Wait, _log, CancellationToken.None);

        await first.DisposeAsync(); // its session ends: PostgreSQL releases the lock
        await using var passed = await second.WaitAsync(Wait);
        Assert.True(passed.IsHolding);
    }

    [Fact]
    public async Task With_every_table_present_a_node_takes_no_lock()
    {
        var database = await postgres.CreateDatabaseAsync("gate_ready");
        await CreateTablesAsync(database);
        await using var holder = await PostgresSchemaGate.EnterAsync(database, Wait, Wait, _log, CancellationToken.None);
        Assert.False(holder.IsHolding);
        Assert.Equal(0, await AdvisoryLocksAsync(database));
    }

    [Fact]
    public async Task A_database_that_does_not_exist_fails_at_once_with_the_reason()
    {
        var missing = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "no_such_database" }.ToString();
        var failure = await Assert.ThrowsAnyAsync<NpgsqlException>(() => PostgresSchemaGate.EnterAsync(missing, TimeSpan.FromMinutes(5), Wait, _log, CancellationToken.None).WaitAsync(Wait));
        Assert.Contains("no_such_database", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_waited_for_then_reported()
    {
        var closedPort = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Port = ClosedPort(), Timeout = 2 }.ToString();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgresSchemaGate.EnterAsync(closedPort, TimeSpan.FromSeconds(2), Wait, _log, CancellationToken.None).WaitAsync(Wait));
        Assert.Contains("did not answer within 2 s", failure.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The tables as Akka.Persistence.Sql would leave them, as far as the gate looks.</summary>
    private static async Task CreateTablesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var table in PostgresSchemaGate.Tables)
        {
            await using var command = new NpgsqlCommand($"CREATE TABLE {table} (id bigint)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Waits until that many other sessions are connected to the database (the holder, and the node waiting for it).</summary>
    private static async Task AwaitSessionsAsync(string database, int sessions)
    {
        using var deadline = new CancellationTokenSource(Wait);
        while (true)
        {
            await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ToString()))
            {
                await connection.OpenAsync(deadline.Token);
                await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
                if ((long)(await command.ExecuteScalarAsync(deadline.Token))! >= sessions)
                {
                    return;
                }
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    private static async Task<long> AdvisoryLocksAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
