using System.CommandLine;
using LoomExchange.Cli.Admin;
using LoomExchange.Cli.Bench;
using LoomExchange.Cli.Orders;

namespace LoomExchange.Cli;

/// <summary>
/// The command tree of loomctl. Each palette (a top-level command with its subcommands) lives in its own folder and
/// is added here; the administration palettes (<c>cluster …</c>, <c>cluster-sharding …</c>, <c>exchange …</c>) talk to
/// a node's admin API (<see cref="AdminGlobals"/>: <c>--node</c>, <c>--token</c>).
/// </summary>
internal static class LoomctlCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("loomctl: trade on, load-test and administer a Loom Exchange node");
        GlobalOptions.AddTo(root);
        AdminGlobals.AddTo(root);
        root.Add(OrderPalette.Create());
        root.Add(BenchCommand.Create());
        root.Add(SessionsBenchCommand.Create());
        root.Add(ClusterPalette.Create());
        root.Add(ShardingPalette.Create("cluster-sharding", addJson: true));
        root.Add(ExchangePalette.Create());
        return root;
    }
}
