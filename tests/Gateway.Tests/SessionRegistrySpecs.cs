using Akka.Actor;
using LoomExchange.Gateway.Sessions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>The operator's view of live sessions, and kicking one.</summary>
public sealed class SessionRegistrySpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    [Fact]
    public async Task Should_list_live_sessions_with_account_address_and_counters()
    {
        var (first, firstAck) = await LogonAsync("key-1");
        var (_, secondAck) = await LogonAsync("key-2");
        await first.SendAsync(Limit(Side.Buy, 1000, 10));
        await first.ExpectAsync<ExecutionReport>();

        var sessions = await AwaitSessionsAsync(2);
        var mine = Assert.Single(sessions, s => s.Info.SessionId == firstAck.SessionId);
        Assert.Equal((1001L, "key-1", "tcp"), (mine.Info.AccountId, mine.Info.ApiKey, mine.Info.Edge));
        Assert.StartsWith("127.0.0.1:", mine.Info.RemoteAddress, StringComparison.Ordinal);
        Assert.Equal(1, mine.Requests);
        Assert.True(mine.MessagesIn >= 2 && mine.MessagesOut >= 2);
        Assert.Contains(sessions, s => s.Info.SessionId == secondAck.SessionId && s.Info.AccountId == 1002);
    }

    [Fact]
    public async Task Should_kick_a_session_with_a_logout_and_forget_it()
    {
        var (client, ack) = await LogonAsync();
        await AwaitSessionsAsync(1);

        var result = await Registry.Ask<KickResult>(new KickSession(ack.SessionId, "kicked by operator"), Deadline);
        Assert.True(result.Found);

        var logout = await client.ExpectAsync<Logout>();
        Assert.Equal((ProtocolErrorCode.SessionEnded, "kicked by operator"), (logout.Reason, logout.Text));
        await client.ExpectClosedAsync();
        await AwaitSessionsAsync(0);
        Assert.False((await Registry.Ask<KickResult>(new KickSession(ack.SessionId, "again"), Deadline)).Found);
    }

    private IActorRef Registry => Host.Context!.SessionRegistry;

    private async Task<IReadOnlyList<SessionSummary>> AwaitSessionsAsync(int count)
    {
        IReadOnlyList<SessionSummary> sessions = [];
        await AwaitAssertAsync(
            async () =>
            {
                sessions = (await Registry.Ask<SessionList>(ListSessions.Instance, Deadline)).Sessions;
                Assert.Equal(count, sessions.Count);
            },
            Deadline,
            TimeSpan.FromMilliseconds(50));
        return sessions;
    }
}
