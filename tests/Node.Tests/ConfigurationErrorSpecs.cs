namespace LoomExchange.Node.Tests;

/// <summary>
/// A bad configuration value stops the real node before it starts anything, with one line on standard error that
/// names the key, and exit code 2: what an operator (or a supervisor that restarts on crash) must be able to tell from
/// a crash, which exits otherwise and prints a stack trace.
/// </summary>
public sealed class ConfigurationErrorSpecs
{
    [Theory]
    [InlineData("--Loom:OrderBook:MaxWritesInFlight=0", "Loom:OrderBook:MaxWritesInFlight 0 must be positive")]
    [InlineData("--Loom:OrderBook:DedupCapacity=lots", "'lots' at 'Loom:OrderBook:DedupCapacity'")]
    [InlineData("--Loom:Persistence:Provider=mysql", "Loom:Persistence:Provider 'mysql' is not supported")]
    [InlineData("--Loom:Gateway:Tcp:Edge=udp", "Loom:Gateway:Tcp:Edge 'udp' must be akka or kestrel")]
    public async Task Should_exit_with_code_2_and_one_line_naming_the_key(string argument, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NodeProcess.StartAsync(argument));

        Assert.Contains("exited with code 2 before it was ready", error.Message, StringComparison.Ordinal);
        var nodeLines = error.Message.Split(Environment.NewLine).Where(line => line.StartsWith("[start ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(nodeLines);
        Assert.StartsWith("[start 1] loom-node: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
