using LoomExchange.Node.Tests;
using Xunit.Abstractions;

namespace LoomExchange.Cluster.Tests;

public sealed class RollingRestartSpecs(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Restarting_every_node_one_by_one_under_load_loses_and_doubles_nothing()
    {
        await using var cluster = await TestCluster.StartAsync(postgres.ConnectionString, ClusterSpecSymbols.All, 3, output);
        var load = new OrderLoad(cluster, ClusterSpecSymbols.Account, clients: 8);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token, drain: ClusterSpecSymbols.Within);
        await load.AwaitProgressAsync(200, ClusterSpecSymbols.Within);

        foreach (var node in cluster.Live.ToList())
        {
            await node.LeaveAsync();
            var replacement = await cluster.AddNodeAsync();
            await cluster.AwaitMembersUpAsync(3);
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} restarted {node.Name} as {replacement}");
            await load.AwaitProgressAsync(100, ClusterSpecSymbols.Within);
        }

        await stop.CancelAsync();
        await running;
        await LoadVerdict.BooksHoldEveryAcknowledgedOrderAsync(cluster, cluster.Live[0], load, ClusterSpecSymbols.Account);
        LoadVerdict.NoSymbolServedByTwoNodesAtOnce(load);
    }
}
