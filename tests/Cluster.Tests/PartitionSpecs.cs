using LoomExchange.Node.Tests;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

public sealed class PartitionSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_node_cut_off_from_two_is_downed_and_no_symbol_is_ever_served_by_two_nodes()
    {
        await using var cluster = await TestCluster.StartAsync(postgres.ConnectionString, ClusterSpecSymbols.All, 3, output);
        var load = new OrderLoad(cluster, ClusterSpecSymbols.Account, clients: 8);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token, drain: ClusterSpecSymbols.Within);
        await load.AwaitProgressAsync(300, ClusterSpecSymbols.Within);

        // The minority keeps taking orders for its own books through its own door until it downs itself.
        var hosts = LoadVerdict.CurrentHosts(load);
        var minority = cluster.NodeAt(hosts.Values.GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key);
        var majority = cluster.Live.Where(n => n != minority).ToList();
        var cutAt = DateTime.UtcNow.Ticks;
        foreach (var node in majority)
        {
            Assert.True(await node.BlackholeAsync(minority.Address));
            Assert.True(await minority.BlackholeAsync(node.Address));
        }

        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} cut {minority} off from {string.Join(", ", majority)}");
        await minority.System.WhenTerminated.WaitAsync(ClusterSpecSymbols.Within);
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} the minority downed itself");
        await cluster.AwaitMembersUpAsync(2);
        await Eventually.HoldsAsync("every symbol acknowledged by the majority after the cut", ClusterSpecSymbols.Within, () => cluster.Symbols.All(symbol =>
            load.Answers.Any(a => a.Order.Symbol == symbol && LoadVerdict.IsAcknowledged(a.Answer) && a.Answer.ReceivedAtTicks > cutAt && a.Answer.Host != minority.Address)));
        await load.AwaitProgressAsync(100, ClusterSpecSymbols.Within);

        await stop.CancelAsync();
        await running;
        Assert.Contains(load.Answers, a => a.Answer.Host == minority.Address && a.Answer.ReceivedAtTicks > cutAt && LoadVerdict.IsAcknowledged(a.Answer));
        LoadVerdict.NoSymbolServedByTwoNodesAtOnce(load);
        await LoadVerdict.BooksHoldEveryAcknowledgedOrderAsync(cluster, majority[0], load, ClusterSpecSymbols.Account);
    }
}
