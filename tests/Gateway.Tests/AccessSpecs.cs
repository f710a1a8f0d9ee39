using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>L1: over the session's rate, orders are rejected RateLimited and other requests answered ProtocolError; the session stays up.</summary>
public sealed class AccessSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options) => options.SessionMessagesPerSecond = 1;

    [Fact]
    public async Task Should_reject_requests_above_the_session_rate_and_keep_the_session()
    {
        var (client, _) = await LogonAsync();

        // One write: the bucket holds one request and refills one per second, far slower than these arrive.
        await client.SendBatchAsync([Limit(Side.Buy, 1000, 10, clientOrderId: 100), new CancelOrder(200, Symbol, 1), Limit(Side.Buy, 1000, 10, clientOrderId: 101)]);

        // The book's answer comes after its journal write, the gateway's refusals at once: order across requests is free.
        var answers = new List<WireMessage> { await client.ReceiveAsync(), await client.ReceiveAsync(), await client.ReceiveAsync() };
        Assert.Contains(answers, m => m is ExecutionReport { ExecType: ExecType.Accepted, ClientOrderId: 100 });
        Assert.Contains(answers, m => m is ProtocolError { Code: ProtocolErrorCode.RateLimited, RefSequence: 3 });
        Assert.Contains(answers, m => m is ExecutionReport { ExecType: ExecType.Rejected, RejectReason: RejectReason.RateLimited, ClientOrderId: 101 });
        Assert.Single(OrdersInBook().Orders);

        // Still logged on (session-level messages are not rate limited).
        await client.SendAsync(new TestRequest(9));
        Assert.Equal(9, (await client.ExpectAsync<Heartbeat>()).TestRequestId);
    }
}

/// <summary>L1: the per-address rate is shared by all connections from one address.</summary>
public sealed class AddressRateSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options) => options.AddressMessagesPerSecond = 2;

    [Fact]
    public async Task Should_share_the_address_rate_between_connections()
    {
        var (first, _) = await LogonAsync("key-1");
        var (second, _) = await LogonAsync("key-2");

        // The first connection takes the whole burst; the second finds the address's bucket (almost) empty.
        await first.SendBatchAsync([Limit(Side.Buy, 1000, 10), Limit(Side.Buy, 1000, 10)]);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(ExecType.Accepted, (await first.ExpectAsync<ExecutionReport>()).ExecType);
        }

        await second.SendBatchAsync([Limit(Side.Sell, 2000, 10), Limit(Side.Sell, 2000, 10), Limit(Side.Sell, 2000, 10)]);
        var reasons = new List<RejectReason>();
        for (var i = 0; i < 3; i++)
        {
            reasons.Add((await second.ExpectAsync<ExecutionReport>()).RejectReason);
        }

        Assert.Contains(RejectReason.RateLimited, reasons);
    }
}

/// <summary>L1: a blocked address gets ProtocolError(AddressBlocked) and is closed before it can log on.</summary>
public sealed class BlockedAddressSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options) => options.BlockedAddresses = ["127.0.0.1"];

    [Fact]
    public async Task Should_refuse_a_blocked_address_at_connect()
    {
        var client = await ConnectAsync();

        var error = await client.ExpectAsync<ProtocolError>();
        Assert.Equal(ProtocolErrorCode.AddressBlocked, error.Code);
        await client.ExpectClosedAsync();
    }
}
