namespace LoomExchange.Node.Tests;

/// <summary>The same node on PostgreSQL by configuration alone: acknowledged orders survive SIGKILL, retries stay safe.</summary>
public sealed class PostgresJournalSpecs(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string Symbol = "MSFT";

    [Fact]
    public async Task Should_keep_acknowledged_orders_in_PostgreSQL_across_SIGKILL()
    {
        await using var node = await NodeProcess.StartAsync(
            "--Loom:Persistence:Provider=postgres",
            $"--Loom:Persistence:ConnectionString={postgres.ConnectionString}");
        var maker = await PlaceAsync(node, new PlaceOrder(Symbol, 1, 1, "sell", "400.00", "10"));
        var taker = await PlaceAsync(node, new PlaceOrder(Symbol, 2, 1, "buy", "400.00", "4"));
        await PlaceAsync(node, new PlaceOrder(Symbol, 3, 1, "buy", "390.00", "7"));
        Assert.Contains(taker.Events, e => e.Type == "Trade" && e.MakerOrderId == maker.OrderId);
        var orders = await node.Client.GetOrdersAsync(Symbol);
        var status = await node.Client.GetStatusAsync(Symbol);

        await node.KillAsync();
        await node.RestartAsync();

        Assert.Equal(orders.Orders, (await node.Client.GetOrdersAsync(Symbol)).Orders);
        var recovered = await node.Client.GetStatusAsync(Symbol);
        Assert.Equal((status.Sequence, status.StateHash), (recovered.Sequence, recovered.StateHash));
        var retry = await PlaceAsync(node, new PlaceOrder(Symbol, 2, 1, "buy", "400.00", "4"));
        Assert.Equal(("duplicate", taker.OrderId), (retry.Status, retry.OrderId));

        // Nothing went to SQLite: the journal is PostgreSQL by configuration alone.
        Assert.False(File.Exists(Path.Combine(node.DataDir, "books.db")));
        Assert.False(File.Exists(Path.Combine(node.DataDir, "loom.db")));
    }

    private static async Task<OrderReply> PlaceAsync(NodeProcess node, PlaceOrder order)
    {
        using var response = await node.Client.PlaceAsync(order);
        return await response.ReadAsync<OrderReply>();
    }
}
