namespace LoomExchange.Node.Tests;

/// <summary>
/// One node shared by the HTTP API specs (a node takes seconds to start). Besides appsettings.json's instruments it
/// lists TICK5, whose tick (0.05) is five price units, so a price can have allowed decimals and still miss the tick.
/// </summary>
public sealed class HttpApiNode : IAsyncLifetime
{
    public const string TickSymbol = "TICK5";

    private NodeProcess? _node;

    public NodeProcess Node => _node ?? throw new InvalidOperationException("the node is not started");

    public async Task InitializeAsync() => _node = await NodeProcess.StartAsync(
        $"--Loom:Instruments:99:Symbol={TickSymbol}",
        "--Loom:Instruments:99:PriceDecimals=2",
        "--Loom:Instruments:99:QuantityDecimals=0",
        "--Loom:Instruments:99:TickSize=0.05",
        "--Loom:Instruments:99:LotSize=1",
        "--Loom:Instruments:99:MaxQuantity=1000");

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
