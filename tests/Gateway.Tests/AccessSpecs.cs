using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>L1: over the session's rate, orders are rejected RateLimited and other requests answered ProtocolError; the session stays up.</summary>
public sealed class AccessSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    private const int Rate = 5;

    protected override void Configure(GatewayOptions options) => options.SessionMessagesPerSecond = Rate;

    [Fact]
    public async Task Should_reject_requests_above_the_session_rate_and_keep_the_session()
    {
        var (client, _) = await LogonAsync();

        // One write, faster than any refill: the first Rate requests pass, the rest are refused.
        var orders = new List<WireMessage>();
        for (var i = 0; i < Rate + 3; i++)
        {
            orders.Add(Limit(Side.Buy, 1000, 10, clientOrderId: 100 + i));
        }

        orders.Add(new CancelOrder(200, Symbol, 1));
        await client.SendBatchAsync(orders);

        var reports = new List<ExecutionReport>();
        ProtocolError? refusedCancel = null;
        while (reports.Count < Rate + 3 || refusedCancel is null)
        {
            switch (await client.ReceiveAsync())
            {
                case ExecutionReport report:
                    reports.Add(report);
                    break;
                case ProtocolError error:
                    refusedCancel = error;
                    break;
                default:
                    break;
            }
        }

        Assert.Equal(3, reports.Count(r => r is { ExecType: ExecType.Rejected, RejectReason: RejectReason.RateLimited }));
        Assert.Equal(Rate, reports.Count(r => r.ExecType == ExecType.Accepted));
        Assert.Equal((ProtocolErrorCode.RateLimited, client.Sequence), (refusedCancel.Code, refusedCancel.RefSequence));

        // Still logged on.
        await client.SendAsync(new TestRequest(9));
        Assert.Equal(9, (await client.ExpectAsync<Heartbeat>()).TestRequestId);
    }
}

/// <summary>L1: the per-address rate is shared by all connections from one address.</summary>
public sealed class AddressRateSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options) => options.AddressMessagesPerSecond = 4;

    [Fact]
    public async Task Should_share_the_address_rate_between_connections()
    {
        var (first, _) = await LogonAsync("key-1");
        var (second, _) = await LogonAsync("key-2");
        await first.SendBatchAsync([Limit(Side.Buy, 1000, 10), Limit(Side.Buy, 1000, 10), Limit(Side.Buy, 1000, 10)]);
        for (var i = 0; i < 3; i++)
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
