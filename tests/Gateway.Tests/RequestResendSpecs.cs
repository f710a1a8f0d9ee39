using Akka.Actor;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// A request the book has not answered after <c>RequestResendMs</c> goes to it again with the same ids: one lost on the
/// way (as a shard region drops what it buffered for a book that starts moving) still gets its answer, a slow book's
/// repeat is answered once, and a request without a client order id is never sent twice.
/// </summary>
public sealed class RequestResendSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options)
    {
        options.RequestResendMs = 200;
        options.RequestTimeoutMs = 3_000;
    }

    [Fact]
    public async Task Should_answer_a_request_lost_on_the_way_to_the_book()
    {
        var client = await LogonWithRestingSellAsync(clientOrderId: 900);

        Books.Tell(new TestBookRegion.DropNext(1));
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 901));

        var report = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Accepted, 901L), (report.ExecType, report.ClientOrderId));
        Assert.Equal(2, OrdersInBook().Orders.Count);
    }

    [Fact]
    public async Task Should_answer_once_when_a_slow_book_gets_the_request_twice()
    {
        var client = await LogonWithRestingSellAsync(clientOrderId: 910);

        Books.Tell(new TestBookRegion.Hold(true));
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 911));
        await AwaitAssertAsync(async () => Assert.True(await Books.Ask<int>(new TestBookRegion.CountHeld(), Deadline) >= 2), Deadline);
        Books.Tell(new TestBookRegion.Hold(false));

        var report = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Accepted, 911L), (report.ExecType, report.ClientOrderId));

        // The repeats' answers (the original outcome again) are dropped: the next thing the client hears answers its next request.
        await client.SendAsync(new OrderStatusRequest(912, Symbol, report.OrderId));
        Assert.Equal(912L, (await client.ExpectAsync<ExecutionReport>()).ClientOrderId);
        Assert.Equal(2, OrdersInBook().Orders.Count);
    }

    [Fact]
    public async Task Should_never_send_again_a_request_without_a_client_order_id()
    {
        var client = await LogonWithRestingSellAsync(clientOrderId: 920);
        var before = await Books.Ask<int>(new TestBookRegion.CountReceived(), Deadline);

        // The book could not tell a repeat of it from a new order, so a lost one times out instead.
        Books.Tell(new TestBookRegion.DropNext(1));
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 0));

        var report = await client.ExpectAsync<ExecutionReport>(TimeSpan.FromSeconds(10));
        Assert.Equal((ExecType.Rejected, RejectReason.ServiceUnavailable), (report.ExecType, report.RejectReason));
        Assert.Equal(before + 1, await Books.Ask<int>(new TestBookRegion.CountReceived(), Deadline));
        Assert.Single(OrdersInBook().Orders);
    }

    /// <summary>A logged-on session whose book is up (it has answered once), with one resting sell away from the buys of the specs.</summary>
    private async Task<WireClient> LogonWithRestingSellAsync(long clientOrderId)
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Sell, 2000, 10, clientOrderId));
        Assert.Equal(ExecType.Accepted, (await client.ExpectAsync<ExecutionReport>()).ExecType);
        return client;
    }
}
