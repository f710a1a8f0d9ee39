namespace LoomExchange.Node.Tests;

/// <summary>
/// Nodes started at the same moment on an empty PostgreSQL database, as a Kubernetes rollout of a new cluster does.
/// Each node's Akka.Persistence.Sql plugins create the tables on start; two concurrent CREATE TABLE IF NOT EXISTS can
/// fail in PostgreSQL, and the SQL journal stops itself for good when its table initialization fails, which left a
/// node that never became ready. Every node must become ready and journal orders.
/// </summary>
public sealed class ConcurrentStartSpecs(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Nodes_started_together_on_an_empty_database_all_become_ready_and_journal_orders()
    {
        var database = await postgres.CreateDatabaseAsync("loom_concurrent_start");
        await using var seed = await LighthouseSeed.StartAsync();
        string[] configuration =
        [
            "--Loom:Persistence:Provider=postgres",
            $"--Loom:Persistence:ConnectionString={database}",
            $"--Loom:Cluster:Seeds:0={seed.Address}",
        ];
        var starts = Enumerable.Range(0, 3).Select(_ => NodeProcess.StartAsync(configuration)).ToList();
        try
        {
            var nodes = await Task.WhenAll(starts);

            // Through every node, an order for every default symbol: whichever node owns a book, its journal writes.
            for (var n = 0; n < nodes.Length; n++)
            {
                for (var i = 0; i < ClusterProcessSpecs.Orders.Length; i++)
                {
                    var (symbol, price, quantity) = ClusterProcessSpecs.Orders[i];
                    using var response = await nodes[n].Client.PlaceAsync(new PlaceOrder(symbol, 1001, (n * 100) + i + 1, "buy", price, quantity));
                    Assert.True(response.IsSuccessStatusCode, $"{symbol} through node {n + 1}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
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
}
