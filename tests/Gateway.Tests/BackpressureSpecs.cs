using Akka.Actor;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>A session has at most MaxPendingRequests requests at the books; further input waits, and nothing is lost.</summary>
public sealed class BackpressureSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options) => options.MaxPendingRequests = 2;

    [Fact]
    public async Task Should_route_no_more_than_the_pending_limit_and_the_rest_once_answers_come()
    {
        var (client, _) = await LogonAsync();
        Books.Tell(new TestBookRegion.Hold(true));
        await client.SendBatchAsync([.. Enumerable.Range(0, 5).Select(i => Limit(Side.Buy, 1000 - (5 * i), 10, clientOrderId: 700 + i))]);

        await AwaitAssertAsync(async () => Assert.Equal(2, await HeldAsync()), Deadline, TimeSpan.FromMilliseconds(50));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, await HeldAsync());

        Books.Tell(new TestBookRegion.Hold(false));
        var accepted = new HashSet<long>();
        while (accepted.Count < 5)
        {
            var report = await client.ExpectAsync<ExecutionReport>();
            Assert.Equal(ExecType.Accepted, report.ExecType);
            accepted.Add(report.ClientOrderId);
        }

        Assert.Equal(5, OrdersInBook().Orders.Count);
    }

    private Task<int> HeldAsync() => Books.Ask<int>(new TestBookRegion.CountHeld(), Deadline);
}
