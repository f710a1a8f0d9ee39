using Akka.Actor;
using LoomExchange.Gateway.Accounts;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>A node serves at most MaxSessions logged-on sessions; a session that ends frees its place and leaves the hub.</summary>
public sealed class SessionLimitSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    protected override void Configure(GatewayOptions options) => options.MaxSessions = 1;

    [Fact]
    public async Task Should_refuse_a_logon_above_the_session_limit_until_a_session_ends()
    {
        var (first, _) = await LogonAsync("key-1");
        await AwaitHubSessionsAsync(1);

        var second = await ConnectAsync();
        await second.SendAsync(new Logon("key-2", "secret-2", 0, false));
        Assert.Equal(LogonRejectReason.TooManySessions, (await second.ExpectAsync<LogonReject>()).Reason);
        await second.ExpectClosedAsync();

        await first.SendAsync(new Logout(ProtocolErrorCode.None, "bye"));
        await first.ExpectAsync<Logout>();
        await first.ExpectClosedAsync();
        await AwaitHubSessionsAsync(0);

        var (_, ack) = await LogonAsync("key-2");
        Assert.Equal(1002, ack.AccountId);
    }

    private async Task AwaitHubSessionsAsync(int count) =>
        await AwaitAssertAsync(
            async () => Assert.Equal(count, await Host.Context!.AccountEvents.Ask<int>(GetAccountSessionCount.Instance, Deadline)),
            Deadline,
            TimeSpan.FromMilliseconds(50));
}
