using Akka.Actor;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>A book that does not answer in time: the request is rejected ServiceUnavailable and can be retried.</summary>
public sealed class RequestTimeoutSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options) => options.RequestTimeoutMs = 300;

    [Fact]
    public async Task Should_reject_a_request_the_book_does_not_answer_as_service_unavailable_and_accept_the_retry()
    {
        var (client, _) = await LogonAsync();
        Books.Tell(new TestBookRegion.Hold(true));
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 600));

        var rejected = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Rejected, RejectReason.ServiceUnavailable, 600L), (rejected.ExecType, rejected.RejectReason, rejected.ClientOrderId));

        Books.Tell(new TestBookRegion.Hold(false));
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 600));
        Assert.Equal(ExecType.Accepted, (await client.ExpectAsync<ExecutionReport>()).ExecType);
        Assert.Single(OrdersInBook().Orders);
    }
}
