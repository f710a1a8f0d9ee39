namespace LoomExchange.Node.Tests;

/// <summary>
/// The cluster by configuration alone, as real processes: a Lighthouse seed, two exchange nodes joined through it on
/// one PostgreSQL journal. Any node serves any symbol (orders and answers cross real remoting and the serializer), and
/// a node that leaves on SIGTERM hands its books to the other with every acknowledged order.
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
    public async Task Nodes_joined_through_a_Lighthouse_serve_every_symbol_and_a_leaving_node_hands_its_books_over()
    {
        await using var seed = await LighthouseSeed.StartAsync();
        string[] configuration =
        [
            "--Loom:Persistence:Provider=postgres",
            $"--Loom:Persistence:ConnectionString={postgres.ConnectionString}",
            $"--Loom:Cluster:Seeds:0={seed.Address}",
        ];
        await using var first = await NodeProcess.StartAsync(configuration);
        await using var second = await NodeProcess.StartAsync(configuration);
        NodeProcess[] nodes = [first, second];

        // Placed through alternating nodes, read back through the other: whichever node owns a book, both reach it.
        var placed = new Dictionary<string, OrderReply>();
        for (var i = 0; i < Orders.Length; i++)
        {
            var (symbol, price, quantity) = Orders[i];
            using var response = await nodes[i % 2].Client.PlaceAsync(new PlaceOrder(symbol, 1001, i + 1, "buy", price, quantity));
            var reply = await response.ReadAsync<OrderReply>();
            Assert.True(reply.Status == "executed", $"{symbol} answered {reply}");
            placed[symbol] = reply;
        }

        foreach (var (symbol, reply) in placed)
        {
            var index = Array.FindIndex(Orders, o => o.Symbol == symbol);
            var book = await nodes[(index + 1) % 2].Client.GetOrdersAsync(symbol);
            Assert.Equal(reply.OrderId, Assert.Single(book.Orders).OrderId);
        }

        Assert.Equal(0, await first.TerminateAsync(TimeSpan.FromSeconds(60)));

        // Every book now lives on the second node, recovered with its acknowledged order, and takes new ones.
        foreach (var (symbol, price, quantity) in Orders)
        {
            var book = await second.Client.GetOrdersAsync(symbol);
            Assert.Equal(placed[symbol].OrderId, Assert.Single(book.Orders).OrderId);
            using var response = await second.Client.PlaceAsync(new PlaceOrder(symbol, 1001, 100, "buy", price, quantity));
            var reply = await response.ReadAsync<OrderReply>();
            Assert.True(reply.Status == "executed", $"{symbol} after the hand-off answered {reply}");
        }
    }
}
