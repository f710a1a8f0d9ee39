using System.Diagnostics;

namespace LoomExchange.Node.Tests;

/// <summary>What an operator reads when a node starts: no warning that only means "this is how the node is built".</summary>
public sealed class StartupLogSpecs
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_start_the_kestrel_edge_without_a_warning_that_kestrel_overrides_the_configured_urls()
    {
        await using var node = await NodeProcess.StartAsync();

        // The line is logged when the host has started; the node's output reaches the test asynchronously.
        var waited = Stopwatch.StartNew();
        while (!node.Output.Contains("Loom Exchange node listening", StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < Deadline, $"no start line within {Deadline.TotalSeconds} s:{Environment.NewLine}{node.Output}");

            // Polling for output the node gives no other signal of, bounded by the deadline above.
            await Task.Delay(50);
        }

        Assert.DoesNotContain("Overriding address", node.Output, StringComparison.Ordinal);
    }
}
