using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>Heartbeats when the server has sent nothing for an interval, the idle timeout, and test requests.</summary>
public sealed class SessionTimingSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    [Fact]
    public async Task Should_answer_a_test_request_at_once_with_its_id()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(new TestRequest(4242));

        Assert.Equal(4242, (await client.ExpectAsync<Heartbeat>()).TestRequestId);
    }

    [Fact]
    public async Task Should_send_a_heartbeat_when_it_sent_nothing_for_an_interval()
    {
        var (client, _) = await LogonAsync(heartbeatMs: 1_000);

        // The client keeps its side alive with its own heartbeats; the server's arrive on their own.
        await client.SendAsync(new Heartbeat(0));
        var heartbeat = await client.ExpectAsync<Heartbeat>(TimeSpan.FromSeconds(5));
        Assert.Equal(0, heartbeat.TestRequestId);
    }

    [Fact]
    public async Task Should_end_a_session_that_received_nothing_for_three_intervals()
    {
        var (client, _) = await LogonAsync(heartbeatMs: 1_000);

        var logout = await client.ExpectEventuallyAsync<Logout>(timeout: TimeSpan.FromSeconds(10));
        Assert.Equal(ProtocolErrorCode.IdleTimeout, logout.Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_keep_a_session_alive_while_the_client_sends_heartbeats()
    {
        var (client, _) = await LogonAsync(heartbeatMs: 1_000);

        // Four intervals of client heartbeats (more than the three-interval timeout), answered by server heartbeats.
        for (var i = 0; i < 4; i++)
        {
            await client.SendAsync(new Heartbeat(0));
            await client.ExpectAsync<Heartbeat>(TimeSpan.FromSeconds(5));
        }

        await client.SendAsync(new TestRequest(7));
        Assert.Equal(7, (await client.ExpectEventuallyAsync<Heartbeat>(h => h.TestRequestId == 7)).TestRequestId);
    }
}
