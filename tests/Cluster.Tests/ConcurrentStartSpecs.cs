using Akka.Actor;
using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Startup;
using LoomExchange.Messages.Orders;
using LoomExchange.Node.Tests;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

/// <summary>
/// Nodes that start at the same moment on an empty PostgreSQL database, as a Kubernetes rollout of a new cluster does.
/// Each node's Akka.Persistence.Sql plugins create the tables when they start; two concurrent CREATE TABLE IF NOT EXISTS
/// can fail in PostgreSQL, and the SQL journal stops itself for good when its table initialization fails.
/// </summary>
public sealed class ConcurrentStartSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{

    [Fact]
    public async Task Nodes_started_together_on_an_empty_database_all_warm_up_and_journal_orders()
    {
        var database = await postgres.CreateDatabaseAsync("loom_started_together");
        var starts = Enumerable.Range(1, 3)
            .Select(i => Task.Run(() => ClusterNode.StartAsync($"node-{i}", database, SymbolsOf(i), seed: null, output)))
            .ToList();
        try
        {
            var nodes = await Task.WhenAll(starts);
            foreach (var node in nodes)
            {
                await node.Services.GetRequiredService<PersistenceWarmupStatus>().Warm.WaitAsync(ClusterSpecSymbols.Within);
            }

            // Each node is a cluster of its own here (no seed, so that all start at once), with books of its own.
            var clientOrderId = 0L;
            for (var n = 0; n < nodes.Length; n++)
            {
                var node = nodes[n];
                foreach (var symbol in SymbolsOf(n + 1))
                {
                    var placed = await node.Region.Ask<BookCommandResult>(
                        new BookCommand(symbol, OrderCommand.Limit(ClusterSpecSymbols.Account, ++clientOrderId, Side.Buy, 10_000, 1, 0), clientOrderId),
                        ClusterSpecSymbols.Within);
                    Assert.Equal(CommandStatus.Executed, placed.Status);
                }
            }
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await (await start).DisposeAsync();
            }
        }
    }

    private static IReadOnlyList<string> SymbolsOf(int node) => [.. Enumerable.Range(1, 3).Select(k => $"TOGETHER-{node}-{k}")];
}
