using System.Net.Sockets;
using Akka.Actor;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>A client that stops reading while the server has reports for it is cut off at the absolute limit; the server's memory for it stays bounded.</summary>
public sealed class SlowConsumerSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    private const int Orders = 60_000;

    protected override void Configure(GatewayOptions options)
    {
        options.OutboundBufferMessages = 50;

        // Longer than the test: what ends the session here is the absolute limit (800), the bound on memory.
        options.OutboundStallMs = 600_000;
        options.SessionMessagesPerSecond = 0;
        options.AddressMessagesPerSecond = 0;
    }

    [Fact]
    public async Task Should_end_the_session_of_a_client_that_does_not_read()
    {
        var (client, _) = await LogonAsync(receiveBufferSize: 4096);

        // Every order breaks the tick rule: the reports come from the gateway alone, as fast as the orders arrive.
        var sending = Task.Run(async () =>
        {
            try
            {
                for (var sent = 0; sent < Orders; sent += 1_000)
                {
                    await client.SendBatchAsync(OffTickOrders(1_000));
                }
            }
            catch (IOException)
            {
                // The server cut the connection while we were still writing: expected.
            }
            catch (SocketException)
            {
            }
        });

        await AwaitAssertAsync(
            async () => Assert.Empty((await Host.Context!.SessionRegistry.Ask<SessionList>(ListSessions.Instance, Deadline)).Sessions),
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(100));

        // Whatever the server had written before: the connection ends without all reports, with the SlowConsumer
        // Logout if the client reads it before the server aborts.
        var reports = 0;
        Logout? logout = null;
        try
        {
            while (logout is null)
            {
                switch (await client.ReceiveAsync(TimeSpan.FromSeconds(10)))
                {
                    case ExecutionReport:
                        reports++;
                        break;
                    case Logout l:
                        logout = l;
                        break;
                    default:
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or SocketException)
        {
        }

        await sending.WaitAsync(Deadline);
        Assert.True(reports < Orders, $"{reports} reports reached a client that did not read");
        if (logout is not null)
        {
            Assert.Equal(ProtocolErrorCode.SlowConsumer, logout.Reason);
        }

        // The gateway serves on.
        var (next, _) = await LogonAsync();
        await next.SendAsync(new TestRequest(3));
        Assert.Equal(3, (await next.ExpectAsync<Heartbeat>()).TestRequestId);
    }
}
