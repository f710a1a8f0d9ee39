using Akka.Actor;
using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Sharding;
using LoomExchange.Actors.Startup;
using LoomExchange.Messages.Orders;
using LoomExchange.Node.Hosting;
using LoomExchange.Node.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// The start-up warm-up reads real rows of the shard stores and books that a failover may move to this node, from the
/// shared PostgreSQL journal, before the node reports ready (decision 17: the first rows a node read held every moved
/// shard for 0.7-1.6 s).
/// </summary>
public sealed class PersistenceWarmupSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private static readonly IReadOnlyList<string> Symbols = ["WARM-1", "WARM-2", "WARM-3"];

    [Fact]
    public async Task A_node_reads_real_shard_store_and_book_rows_before_it_reports_warm()
    {
        await using (var first = await ClusterNode.StartAsync("first", postgres.ConnectionString, Symbols, seed: null, output))
        {
            var clientOrderId = 0L;
            foreach (var symbol in Symbols)
            {
                var placed = await first.Region.Ask<BookCommandResult>(
                    new BookCommand(symbol, OrderCommand.Limit(ClusterSpecSymbols.Account, ++clientOrderId, Side.Buy, 10_000, 1, 0), clientOrderId),
                    ClusterSpecSymbols.Within);
                Assert.Equal(CommandStatus.Executed, placed.Status);
            }
        }

        // The shard-store ids the warm-up reads are the ones sharding wrote (the format is Akka's, not ours).
        var extractor = new SymbolMessageExtractor(30);
        foreach (var symbol in Symbols)
        {
            var id = WarmupTargets.ShardStorePersistenceId(ExchangeHosting.OrderBookRegionTypeName, extractor.ShardOf(symbol));
            Assert.True(await JournalRowsAsync(id) > 0, $"no journal rows under {id}: the shard-store persistence id format changed");
        }

        await using var second = await ClusterNode.StartAsync("second", postgres.ConnectionString, Symbols, seed: null, output);
        var status = second.Services.GetRequiredService<PersistenceWarmupStatus>();
        await status.Warm.WaitAsync(ClusterSpecSymbols.Within);
        output.WriteLine($"warm-up read {status.ProbedMessages} snapshots and events, {status.ProbeFailures} probes failed");

        // At least one row per book and one per shard store of the three symbols.
        Assert.True(status.ProbedMessages >= 2 * Symbols.Count, $"the warm-up read only {status.ProbedMessages} messages");
        Assert.Equal(0, status.ProbeFailures);
    }

    private async Task<long> JournalRowsAsync(string persistenceId)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM journal WHERE persistence_id = @id", connection);
        command.Parameters.AddWithValue("id", persistenceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
