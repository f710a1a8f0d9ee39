using Akka.Actor;
using Akka.Hosting;
using LoomExchange.Node.Configuration;
using LoomExchange.Node.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// The node's own composition (Akka.Hosting, sharding, Akka.Persistence.Sql, our serializer) in this process,
/// on a fresh temp journal, without HTTP: what the benchmark measures is the production path from the shard
/// region to the durable reply.
/// </summary>
internal sealed class BenchExchange : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchExchange(IHost host, JournalDatabase journal, IActorRef region)
    {
        _host = host;
        Journal = journal;
        Region = region;
    }

    public JournalDatabase Journal { get; }

    public IActorRef Region { get; }

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public static IReadOnlyList<string> SymbolNames(int count) => [.. Enumerable.Range(1, count).Select(i => $"SYM{i}")];

    public static LoomOptions Options(BooksOptions bench, string dataDir, int snapshotEveryEvents) => new()
    {
        DataDir = dataDir,
        Persistence = new PersistenceSettings
        {
            Provider = bench.Store,
            ConnectionString = bench.Store == "postgres" ? bench.Connection : null,
        },
        Cluster = new ClusterSettings { Port = 0 },
        OrderBook = new OrderBookTuning
        {
            SnapshotEveryEvents = snapshotEveryEvents,
            SnapshotEveryWrites = bench.SnapshotEveryWrites ?? new OrderBookTuning().SnapshotEveryWrites,
            MaxWritesInFlight = bench.MaxWritesInFlight ?? new OrderBookTuning().MaxWritesInFlight,
        },
        Instruments = [.. SymbolNames(bench.Symbols).Select(s => new InstrumentSettings { Symbol = s, PriceDecimals = 2, TickSize = "0.01", LotSize = "1" })],
    };

    public static async Task<BenchExchange> StartAsync(LoomOptions options)
    {
        var journal = JournalDatabase.From(options);
        journal.Prepare();
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(services => services.AddExchange(options, journal))
            .Build();
        await host.StartAsync().ConfigureAwait(false);
        var region = await host.Services.GetRequiredService<IRequiredActor<OrderBookRegion>>().GetAsync().ConfigureAwait(false);
        return new BenchExchange(host, journal, region);
    }

    /// <summary>Journal rows written by order books so far (one per batch).</summary>
    public async Task<long> CountBookRowsAsync()
    {
        // SQLite books use the group-commit journal in their own file; PostgreSQL books the shared journal table.
        var rows = Journal.BookJournalConnectionString is { } books
            ? await ScalarAsync(new SqliteConnection(books), "SELECT COUNT(*) FROM book_journal").ConfigureAwait(false)
            : await ScalarAsync(Open(Journal), "SELECT COUNT(*) FROM journal WHERE persistence_id LIKE 'orderbook-%'").ConfigureAwait(false);
        return Convert.ToInt64(rows, global::System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task DeleteSnapshotsAsync(JournalDatabase journal, bool newestOnly)
    {
        var sql = newestOnly
            ? "DELETE FROM snapshot WHERE sequence_number = (SELECT MAX(sequence_number) FROM snapshot WHERE persistence_id LIKE 'orderbook-%') AND persistence_id LIKE 'orderbook-%'"
            : "DELETE FROM snapshot WHERE persistence_id LIKE 'orderbook-%'";
        await ScalarAsync(Open(journal), sql).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }

    private static System.Data.Common.DbConnection Open(JournalDatabase journal) => journal.IsSqlite
        ? new SqliteConnection(journal.ConnectionString)
        : new NpgsqlConnection(journal.ConnectionString);

    /// <summary>Runs one statement on <paramref name="connection"/> and disposes it.</summary>
    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var owned = connection;
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync().ConfigureAwait(false);
    }
}
