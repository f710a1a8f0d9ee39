namespace LoomExchange.Node.Tests;

/// <summary>
/// The cluster by configuration alone, as real processes: a Lighthouse seed, three exchange nodes joined through it on
/// one PostgreSQL journal. Any node serves any symbol (orders and answers cross real remoting and the serializer), and
/// a node that leaves (admin command or SIGTERM) hands its books to the others with every acknowledged order.
/// </summary>
public sealed class ClusterProcessSpecs(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    /// <summary>One valid resting buy per default instrument (tick, lot and minimum of appsettings.json).</summary>
    private static readonly (string Symbol, string Price, string Quantity)[] Orders =
    [
        ("BTC-USD", "60000.00", "0.5"), ("ETH-USD", "3000.00", "2"), ("SOL-USD", "150.000", "10"), ("XRP-USD", "0.5000", "100"),
        ("EUR-USD", "1.10000", "1000"), ("AAPL", "200.00", "5"), ("MSFT", "400.00", "5"), ("GOLD", "2300.0", "1"),
    ];

    [Fact]
    public async Task Nodes_joined_through_a_Lighthouse_serve_every_symbol_and_leaving_nodes_hand_their_books_over()
    {
        await using var seed = await LighthouseSeed.StartAsync();
        string[] configuration =
        [
            "--Loom:Persistence:Provider=postgres",
            $"--Loom:Persistence:ConnectionString={postgres.ConnectionString}",
            $"--Loom:Cluster:Seeds:0={seed.Address}",
        ];
        await using var first = await AdminNode.StartAsync(configuration);
        await using var second = await AdminNode.StartAsync(configuration);
        await using var third = await AdminNode.StartAsync(configuration);
        AdminNode[] nodes = [first, second, third];

        // Placed through one node, read back through the next: whichever node owns a book, every node reaches it.
        var placed = new Dictionary<string, long>();
        for (var i = 0; i < Orders.Length; i++)
        {
            var (symbol, price, quantity) = Orders[i];
            placed[symbol] = await PlaceAsync(nodes[i % 3], symbol, i + 1, price, quantity);
            var book = await nodes[(i + 1) % 3].Node.Client.GetOrdersAsync(symbol);
            Assert.Equal(placed[symbol], Assert.Single(book.Orders).OrderId);
        }

        // One cluster: the Lighthouse and three exchange nodes, and the books spread over the exchange nodes.
        var show = await third.JsonAsync("cluster", "show");
        Assert.Equal(4, show.GetProperty("count").GetInt32());
        Assert.Contains(show.GetProperty("members").EnumerateArray(), m => m.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "lighthouse"));
        var hosting = (await third.JsonAsync("cluster-sharding", "shard-stats", "-r", "orderbook")).GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("shards").GetArrayLength() > 0)
            .Select(n => n.GetProperty("address").GetString())
            .ToList();
        Assert.True(hosting.Count >= 2, $"the books should spread over the nodes, but only {string.Join(", ", hosting)} host any");

        // Leave by admin command: the node hands its books off, leaves, and its process ends cleanly.
        var firstAddress = (await first.JsonAsync("cluster", "show")).GetProperty("self").GetString()!;
        var leave = await third.RunAsync("cluster", "leave", firstAddress);
        Assert.True(leave.ExitCode == 0, leave.ToString());
        var exitCode = await first.Node.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0, $"the node that left exited with {exitCode}:{Environment.NewLine}{first.Node.Output}");
        await EveryBookHoldsItsOrderAsync(second, placed);

        // Leave by SIGTERM: the same hand-off; the last node serves every book and takes new orders.
        Assert.Equal(0, await second.Node.TerminateAsync(TimeSpan.FromSeconds(60)));
        await EveryBookHoldsItsOrderAsync(third, placed);
        foreach (var (symbol, price, quantity) in Orders)
        {
            await PlaceAsync(third, symbol, 100, price, quantity);
        }
    }

    private static async Task EveryBookHoldsItsOrderAsync(AdminNode via, Dictionary<string, long> placed)
    {
        foreach (var (symbol, orderId) in placed)
        {
            var book = await via.Node.Client.GetOrdersAsync(symbol);
            Assert.Equal(orderId, Assert.Single(book.Orders).OrderId);
        }
    }

    private static async Task<long> PlaceAsync(AdminNode via, string symbol, long clientOrderId, string price, string quantity)
    {
        using var response = await via.Node.Client.PlaceAsync(new PlaceOrder(symbol, 1001, clientOrderId, "buy", price, quantity));
        var reply = await response.ReadAsync<OrderReply>();
        Assert.True(reply.Status == "executed", $"{symbol} answered {reply}");
        return reply.OrderId;
    }
}
