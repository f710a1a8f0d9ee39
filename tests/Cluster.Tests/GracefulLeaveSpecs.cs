using LoomExchange.Node.Tests;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

public sealed class GracefulLeaveSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_node_leaving_under_load_hands_its_books_off_without_losing_or_doubling_an_order()
    {
        await using var cluster = await TestCluster.StartAsync(postgres.ConnectionString, ClusterSpecSymbols.All, 3, output);
        var load = new OrderLoad(cluster, ClusterSpecSymbols.Account, clients: 8);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token, drain: ClusterSpecSymbols.Within);
        await load.AwaitProgressAsync(300, ClusterSpecSymbols.Within);

        var hosts = LoadVerdict.CurrentHosts(load);
        var leaver = cluster.NodeAt(hosts.Values.GroupBy(a => a).OrderByDescending(g => g.Count()).First().Key);
        var handedOff = hosts.Where(h => h.Value == leaver.Address).Select(h => h.Key).ToList();
        var leftAt = DateTime.UtcNow.Ticks;
        await leaver.LeaveAsync();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {leaver} left in {TimeSpan.FromTicks(DateTime.UtcNow.Ticks - leftAt).TotalSeconds:F2} s, handing off {string.Join(", ", handedOff)}");

        await cluster.AwaitMembersUpAsync(2);
        await Eventually.HoldsAsync("every handed-off symbol acknowledged by a remaining node", ClusterSpecSymbols.Within, () => handedOff.All(symbol =>
            load.Answers.Any(a => a.Order.Symbol == symbol && LoadVerdict.IsAcknowledged(a.Answer) && a.Answer.ReceivedAtTicks > leftAt && a.Answer.Host != leaver.Address)));
        output.WriteLine($"every handed-off symbol served again {LoadVerdict.ServedAgainAfter(load, handedOff, leftAt, leaver.Address).TotalSeconds:F2} s after the leave began");
        await load.AwaitProgressAsync(100, ClusterSpecSymbols.Within);

        await stop.CancelAsync();
        await running;
        await LoadVerdict.BooksHoldEveryAcknowledgedOrderAsync(cluster, cluster.Live[0], load, ClusterSpecSymbols.Account);
        LoadVerdict.NoSymbolServedByTwoNodesAtOnce(load);
    }
}
