using System.CommandLine;
using LoomExchange.Cli.Bench;
using LoomExchange.Cli.Orders;

namespace LoomExchange.Cli;

/// <summary>
/// The command tree of loomctl. Each palette (a top-level command with its subcommands) lives in its own folder and
/// is added here; the administration palettes (<c>cluster …</c>, <c>cluster-sharding …</c>, <c>exchange …</c>) join
/// the same way, using <see cref="GlobalOptions"/> for the node's address.
/// </summary>
internal static class LoomctlCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("loomctl: trade on, load-test and administer a Loom Exchange node");
        GlobalOptions.AddTo(root);
        root.Add(OrderPalette.Create());
        root.Add(BenchCommand.Create());
        root.Add(SessionsBenchCommand.Create());
        return root;
    }
}
