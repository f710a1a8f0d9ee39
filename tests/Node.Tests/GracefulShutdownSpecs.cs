using Xunit.Abstractions;

namespace LoomExchange.Node.Tests;

/// <summary>SIGTERM is the orchestrator's way to stop a node: it must leave cleanly, quickly, and keep every book.</summary>
public sealed class GracefulShutdownSpecs(ITestOutputHelper output)
{
    private const string Symbol = "GOLD";
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_exit_with_code_zero_on_SIGTERM_and_keep_its_books()
    {
        await using var node = await NodeProcess.StartAsync();
        try
        {
            var maker = await PlaceAsync(node.Client, new PlaceOrder(Symbol, 1, 1, "sell", "2000.0", "10"));
            var taker = await PlaceAsync(node.Client, new PlaceOrder(Symbol, 2, 1, "buy", "2000.0", "4"));
            var bid = await PlaceAsync(node.Client, new PlaceOrder(Symbol, 3, 1, "buy", "1990.0", "7"));
            var gone = await PlaceAsync(node.Client, new PlaceOrder(Symbol, 3, 2, "buy", "1980.0", "5"));
            using (var amend = await node.Client.AmendAsync(Symbol, bid.OrderId, new AmendOrder(3, 3, "1995.0", "6")))
            {
                Assert.Equal("executed", (await amend.ReadAsync<OrderReply>()).Status);
            }

            using (var cancel = await node.Client.CancelAsync(Symbol, gone.OrderId, 3, 4))
            {
                Assert.Equal("executed", (await cancel.ReadAsync<OrderReply>()).Status);
            }

            Assert.Contains(taker.Events, e => e.Type == "Trade" && e.MakerOrderId == maker.OrderId);
            var orders = await node.Client.GetOrdersAsync(Symbol);
            var status = await node.Client.GetStatusAsync(Symbol);

            var exitCode = await node.TerminateAsync(ExitDeadline);

            Assert.Equal(0, exitCode);
            await node.RestartAsync();
            var recovered = await node.Client.GetStatusAsync(Symbol);
            Assert.Equal(orders.Orders, (await node.Client.GetOrdersAsync(Symbol)).Orders);
            Assert.Equal((status.Sequence, status.StateHash), (recovered.Sequence, recovered.StateHash));
            Assert.Equal(
                [(maker.OrderId, "6"), (bid.OrderId, "6")],
                orders.Orders.Select(o => (o.OrderId, o.LeavesQuantity)).OrderBy(o => o.OrderId));

            using var retry = await node.Client.PlaceAsync(new PlaceOrder(Symbol, 1, 1, "sell", "2000.0", "10"));
            var duplicate = await retry.ReadAsync<OrderReply>();
            Assert.Equal(("duplicate", maker.OrderId), (duplicate.Status, duplicate.OrderId));
        }
        catch (Exception) when (Dump(node))
        {
            throw;
        }
    }

    private static async Task<OrderReply> PlaceAsync(HttpClient client, PlaceOrder order)
    {
        using var response = await client.PlaceAsync(order);
        var reply = await response.ReadAsync<OrderReply>();
        Assert.True(reply.Status == "executed", $"{order} answered {reply}");
        return reply;
    }

    private bool Dump(NodeProcess node)
    {
        output.WriteLine("node output (last lines):");
        output.WriteLine(node.Output);
        return false;
    }
}
