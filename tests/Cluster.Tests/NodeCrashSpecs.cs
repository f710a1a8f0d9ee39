using LoomExchange.Node.Tests;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

public sealed class NodeCrashSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_crashed_nodes_books_serve_again_on_the_survivors_with_every_acknowledged_order()
    {
        await using var cluster = await TestCluster.StartAsync(postgres.ConnectionString, ClusterSpecSymbols.All, 3, output);
        var load = new OrderLoad(cluster, ClusterSpecSymbols.Account, clients: 8);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token, drain: ClusterSpecSymbols.Within);
        await load.AwaitProgressAsync(300, ClusterSpecSymbols.Within);

        var hosts = LoadVerdict.CurrentHosts(load);
        var victim = cluster.NodeAt(hosts.Values.GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key);
        var moved = hosts.Where(h => h.Value == victim.Address).Select(h => h.Key).ToList();
        var survivors = cluster.Live.Where(n => n != victim).ToList();
        var crashedAt = DateTime.UtcNow.Ticks;
        await victim.CrashAsync(survivors);
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} crashed {victim}, which served {string.Join(", ", moved)}");

        await cluster.AwaitMembersUpAsync(2);
        await Eventually.HoldsAsync("every symbol of the crashed node acknowledged again by a survivor", ClusterSpecSymbols.Within, () => moved.All(symbol =>
            load.Answers.Any(a => a.Order.Symbol == symbol && LoadVerdict.IsAcknowledged(a.Answer) && a.Answer.ReceivedAtTicks > crashedAt && a.Answer.Host != victim.Address)));
        output.WriteLine($"every moved symbol served again {LoadVerdict.ServedAgainAfter(load, moved, crashedAt, victim.Address).TotalSeconds:F2} s after the crash");
        await load.AwaitProgressAsync(100, ClusterSpecSymbols.Within);

        await stop.CancelAsync();
        await running;
        Assert.All(moved, symbol => Assert.NotEqual(victim.Address, LoadVerdict.CurrentHosts(load)[symbol]));
        await LoadVerdict.BooksHoldEveryAcknowledgedOrderAsync(cluster, survivors[0], load, ClusterSpecSymbols.Account);
        LoadVerdict.NoSymbolServedByTwoNodesAtOnce(load);
    }
}
