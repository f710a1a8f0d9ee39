using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// A client that falls behind for a moment while a burst of answers arrives (what follows a stall of the node) keeps
/// its session past four times the soft limit, as long as it catches up within the stall time, and gets every report.
/// </summary>
public sealed class SlowConsumerBurstSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    // Past the hard limit (40,000) in the session's queue whatever the socket buffers and the transport's pipe take (about
    // 20,000-60,000 reports here), and under the absolute one (160,000).
    private const int Orders = 150_000;

    protected override void Configure(GatewayOptions options)
    {
        options.OutboundBufferMessages = 10_000;

        // Longer than the test: only the absolute limit could end the session here.
        options.OutboundStallMs = 600_000;
        options.SessionMessagesPerSecond = 0;
        options.AddressMessagesPerSecond = 0;
    }

    [Fact]
    public async Task Should_keep_a_session_that_catches_up_with_a_burst_past_the_hard_limit()
    {
        var (client, _) = await LogonAsync(receiveBufferSize: 4096);

        // The gateway answers each order at once, while the client reads nothing.
        await client.SendBatchAsync(OffTickOrders(Orders));
        await client.SendAsync(new TestRequest(7));

        var rejected = 0;
        while (true)
        {
            var message = await client.ReceiveAsync(TimeSpan.FromSeconds(20));
            if (message is ExecutionReport { ExecType: ExecType.Rejected })
            {
                rejected++;
                continue;
            }

            Assert.IsType<Heartbeat>(message);
            Assert.Equal(7, ((Heartbeat)message).TestRequestId);
            break;
        }

        Assert.Equal(Orders, rejected);
    }
}
