namespace LoomExchange.Node.Tests;

/// <summary>
/// A crashed node downed by hand (<c>loomctl cluster unreachable</c>, <c>cluster down-unreachable</c>, watched with <c>cluster tail</c>) where the Split
/// Brain Resolver is set to wait long and refused-port downing is off: its books then move to the survivor with every acknowledged order.
/// </summary>
public sealed class ManualDownSpecs(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string LongResolverWait = "--Loom:Cluster:SplitBrain:StableAfter=10m";
    private const string ShortMargin = "--Loom:Cluster:SplitBrain:DownRemovalMargin=1s";

    [Fact]
    public async Task Should_move_a_killed_nodes_books_once_an_operator_downs_it()
    {
        // A killed process refuses its remoting port, which would get it downed at once by any member: off everywhere,
        // so that the operator does it.
        const string noRefusedPortDowning = "--Loom:Cluster:SplitBrain:DownRefusedNodes=false";
        await using var seed = await LighthouseSeed.StartAsync(LongResolverWait, ShortMargin, noRefusedPortDowning);
        string[] configuration =
        [
            "--Loom:Persistence:Provider=postgres",
            $"--Loom:Persistence:ConnectionString={postgres.ConnectionString}",
            $"--Loom:Cluster:Seeds:0={seed.Address}",
            LongResolverWait,
            ShortMargin,
            noRefusedPortDowning,
        ];
        await using var survivor = await AdminNode.StartAsync(configuration);
        await using var victim = await AdminNode.StartAsync(configuration);

        var placed = new Dictionary<string, long>();
        foreach (var (symbol, price, quantity) in ClusterProcessSpecs.Orders)
        {
            using var response = await survivor.Node.Client.PlaceAsync(new PlaceOrder(symbol, 1001, 1, "buy", price, quantity));
            placed[symbol] = (await response.ReadAsync<OrderReply>()).OrderId;
        }

        var victimAddress = (await victim.JsonAsync("cluster", "show")).GetProperty("self").GetString()!;
        using var tail = Loomctl.Start("--node", survivor.Address, "--token", AdminNode.Token, "cluster", "tail", "--json");
        await tail.ReadUntilAsync(line => line.Contains(victimAddress, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await victim.Node.KillAsync();

        // Nothing downs it on its own within this spec: the operator sees it unreachable and downs it.
        await EventuallyAsync(async () =>
        {
            var unreachable = await survivor.JsonAsync("cluster", "unreachable");
            return unreachable.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("address").GetString() == victimAddress);
        });
        var down = await survivor.RunAsync("cluster", "down-unreachable");
        Assert.True(down.ExitCode == 0, down.ToString());
        await EventuallyAsync(async () => (await survivor.JsonAsync("cluster", "show")).GetProperty("members").EnumerateArray()
            .All(m => m.GetProperty("address").GetString() != victimAddress));

        // The operator watching `cluster tail` saw it go.
        await tail.ReadUntilAsync(line => line.Contains("\"MemberRemoved\"", StringComparison.Ordinal) && line.Contains(victimAddress, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        foreach (var (symbol, orderId) in placed)
        {
            var book = await survivor.Node.Client.GetOrdersAsync(symbol);
            Assert.Equal(orderId, Assert.Single(book.Orders, o => o.AccountId == 1001).OrderId);
        }
    }

    [Fact]
    public async Task Should_down_a_killed_node_without_an_operator_when_its_port_refuses()
    {
        // The resolver alone would wait ten minutes (on every member: the leader that downs may be the Lighthouse), so
        // only refused-port downing (the default) can remove the killed node.
        await using var seed = await LighthouseSeed.StartAsync(LongResolverWait, ShortMargin);
        string[] configuration =
        [
            "--Loom:Persistence:Provider=postgres",
            $"--Loom:Persistence:ConnectionString={postgres.ConnectionString}",
            $"--Loom:Cluster:Seeds:0={seed.Address}",
            LongResolverWait,
            ShortMargin,
        ];
        await using var survivor = await AdminNode.StartAsync(configuration);
        await using var victim = await AdminNode.StartAsync(configuration);

        var placed = new Dictionary<string, long>();
        foreach (var (symbol, price, quantity) in ClusterProcessSpecs.Orders)
        {
            using var response = await survivor.Node.Client.PlaceAsync(new PlaceOrder(symbol, 1002, 1, "buy", price, quantity));
            placed[symbol] = (await response.ReadAsync<OrderReply>()).OrderId;
        }

        var victimAddress = (await victim.JsonAsync("cluster", "show")).GetProperty("self").GetString()!;
        await EventuallyAsync(async () => (await survivor.JsonAsync("cluster", "show")).GetProperty("members").EnumerateArray()
            .Any(m => m.GetProperty("address").GetString() == victimAddress));
        await victim.Node.KillAsync();

        await EventuallyAsync(async () => (await survivor.JsonAsync("cluster", "show")).GetProperty("members").EnumerateArray()
            .All(m => m.GetProperty("address").GetString() != victimAddress));
        foreach (var (symbol, orderId) in placed)
        {
            var book = await survivor.Node.Client.GetOrdersAsync(symbol);
            Assert.Equal(orderId, Assert.Single(book.Orders, o => o.AccountId == 1002).OrderId);
        }
    }

    /// <summary>Asks again until the cluster's view (gossip, failure detector) shows what is expected; no fixed wait.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(deadline.Token);
        }
    }
}
