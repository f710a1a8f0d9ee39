using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>Connections that drop: orders in flight are still handled, retries create nothing new, cancel-on-disconnect.</summary>
public sealed class DisconnectSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    [Fact]
    public async Task Should_still_handle_an_order_whose_connection_dropped_right_after_sending_it()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 300));
        client.Abort();

        AwaitOrdersInBook(1);

        // The gateway serves on.
        var (next, _) = await LogonAsync();
        await next.SendAsync(new TestRequest(1));
        await next.ExpectAsync<Heartbeat>();
    }

    [Fact]
    public async Task Should_answer_a_retry_after_reconnecting_with_the_original_order_and_create_no_second_one()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 500));
        client.Abort();
        AwaitOrdersInBook(1);

        var (again, _) = await LogonAsync();
        await again.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 500));
        var report = await again.ExpectAsync<ExecutionReport>();

        Assert.Equal(ExecType.Accepted, report.ExecType);
        var order = Assert.Single(OrdersInBook().Orders);
        Assert.Equal(order.OrderId, report.OrderId);
    }

    [Fact]
    public async Task Should_cancel_the_resting_orders_of_a_session_that_asked_for_it_when_it_drops()
    {
        var (client, _) = await LogonAsync(cancelOnDisconnect: true);
        await client.SendAsync(Limit(Side.Buy, 1000, 10));
        await client.SendAsync(Limit(Side.Sell, 2000, 10));
        await client.ExpectAsync<ExecutionReport>();
        await client.ExpectAsync<ExecutionReport>();
        AwaitOrdersInBook(2);

        client.Abort();

        AwaitOrdersInBook(0);
    }

    [Fact]
    public async Task Should_cancel_an_order_whose_answer_had_not_arrived_when_the_session_dropped()
    {
        var (client, _) = await LogonAsync(cancelOnDisconnect: true);
        await client.SendAsync(Limit(Side.Buy, 1000, 10));
        client.Abort();

        // Placed (the book remembers its client order id) and cancelled (nothing rests).
        AwaitAssert(
            () =>
            {
                Books.Tell(new GetBookStatus(Symbol), TestActor);
                var status = ExpectMsg<BookStatus>(Deadline);
                Assert.Equal((1, 0), (status.DedupEntries, status.OrderCount));
            },
            Deadline,
            TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Should_keep_the_orders_of_a_session_that_logged_out()
    {
        var (client, _) = await LogonAsync(cancelOnDisconnect: true);
        await client.SendAsync(Limit(Side.Buy, 1000, 10));
        await client.ExpectAsync<ExecutionReport>();
        await client.SendAsync(new Logout(ProtocolErrorCode.None, "bye"));
        await client.ExpectAsync<Logout>();
        await client.ExpectClosedAsync();

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Single(OrdersInBook().Orders);
    }

    [Fact]
    public async Task Should_keep_the_orders_of_a_dropped_session_without_cancel_on_disconnect()
    {
        var (client, _) = await LogonAsync(cancelOnDisconnect: false);
        await client.SendAsync(Limit(Side.Buy, 1000, 10));
        await client.ExpectAsync<ExecutionReport>();
        client.Abort();

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Single(OrdersInBook().Orders);
    }
}
