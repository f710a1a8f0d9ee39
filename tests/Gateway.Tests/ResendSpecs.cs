using Akka.Actor;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// A node left the cluster: requests on their way to its books are lost, so every session sends its unanswered ones
/// again. The client sees one answer per request and the book holds one order per client order id.
/// </summary>
public sealed class ResendSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    [Fact]
    public async Task Should_send_unanswered_requests_again_and_answer_each_once()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Sell, 2000, 10, clientOrderId: 700));
        Assert.Equal(ExecType.Accepted, (await client.ExpectAsync<ExecutionReport>()).ExecType);

        // Lost on the way (held), then sent again when a member is removed: the book gets it twice.
        Books.Tell(new TestBookRegion.Hold(true));
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 701));
        await AwaitAssertAsync(async () => Assert.Equal(1, await Books.Ask<int>(new TestBookRegion.CountHeld(), Deadline)), Deadline);
        Host.Context!.SessionRegistry.Tell(new ResendPendingRequests("a member was removed"));
        await AwaitAssertAsync(async () => Assert.Equal(2, await Books.Ask<int>(new TestBookRegion.CountHeld(), Deadline)), Deadline);
        Books.Tell(new TestBookRegion.Hold(false));

        var report = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Accepted, 701L), (report.ExecType, report.ClientOrderId));

        // The second answer (a duplicate of the first) is dropped: the next thing the client hears answers its next request.
        await client.SendAsync(new OrderStatusRequest(702, Symbol, report.OrderId));
        var status = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal(702L, status.ClientOrderId);
        Assert.Equal(2, OrdersInBook().Orders.Count);
    }
}
