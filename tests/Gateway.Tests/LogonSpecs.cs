using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>The first message must be a Logon with a known key and a valid heartbeat; one logon per connection.</summary>
public sealed class LogonSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    [Fact]
    public async Task Should_acknowledge_a_good_logon_with_session_account_and_default_heartbeat()
    {
        var (_, ack) = await LogonAsync("key-2");

        Assert.Equal(1002, ack.AccountId);
        Assert.True(ack.SessionId > 0);
        Assert.Equal(Options.DefaultHeartbeatMs, ack.HeartbeatIntervalMs);
    }

    [Fact]
    public async Task Should_give_every_session_its_own_id()
    {
        var (_, first) = await LogonAsync();
        var (_, second) = await LogonAsync();

        Assert.NotEqual(first.SessionId, second.SessionId);
    }

    [Fact]
    public async Task Should_reject_a_wrong_secret_and_close()
    {
        var client = await ConnectAsync();
        await client.SendAsync(new Logon("key-1", "secret-2", 0, false));

        var reject = await client.ExpectAsync<LogonReject>();
        Assert.Equal(LogonRejectReason.InvalidCredentials, reject.Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_reject_an_unknown_key_and_close()
    {
        var client = await ConnectAsync();
        await client.SendAsync(new Logon("nobody", "secret-1", 0, false));

        Assert.Equal(LogonRejectReason.InvalidCredentials, (await client.ExpectAsync<LogonReject>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Theory]
    [InlineData(999)]
    [InlineData(60_001)]
    public async Task Should_reject_a_heartbeat_interval_outside_the_allowed_range(int heartbeatMs)
    {
        var client = await ConnectAsync();
        await client.SendAsync(new Logon("key-1", "secret-1", heartbeatMs, false));

        Assert.Equal(LogonRejectReason.InvalidHeartbeatInterval, (await client.ExpectAsync<LogonReject>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_agree_to_the_heartbeat_interval_the_client_asks_for()
    {
        var client = await ConnectAsync();
        await client.SendAsync(new Logon("key-1", "secret-1", 1_000, false));

        Assert.Equal(1_000, (await client.ExpectAsync<LogonAck>()).HeartbeatIntervalMs);
    }

    [Fact]
    public async Task Should_reject_an_order_before_logon_as_not_logged_on_then_log_out_and_close()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 77));

        var report = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Rejected, RejectReason.NotLoggedOn, 77L), (report.ExecType, report.RejectReason, report.ClientOrderId));
        Assert.Equal(ProtocolErrorCode.NotLoggedOn, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
        ExpectNoOrderReachedTheBook();
    }

    [Fact]
    public async Task Should_answer_any_other_message_before_logon_with_a_protocol_error_then_close()
    {
        var client = await ConnectAsync();
        await client.SendAsync(new TestRequest(5));

        var error = await client.ExpectAsync<ProtocolError>();
        Assert.Equal((ProtocolErrorCode.NotLoggedOn, 1L), (error.Code, error.RefSequence));
        Assert.Equal(ProtocolErrorCode.NotLoggedOn, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_end_the_session_on_a_second_logon()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(new Logon("key-1", "secret-1", 0, false));

        var error = await client.ExpectAsync<ProtocolError>();
        Assert.Equal((ProtocolErrorCode.AlreadyLoggedOn, 2L), (error.Code, error.RefSequence));
        Assert.Equal(ProtocolErrorCode.AlreadyLoggedOn, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_answer_a_client_logout_and_close()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(new Logout(ProtocolErrorCode.None, "bye"));

        var logout = await client.ExpectAsync<Logout>();
        Assert.Equal(ProtocolErrorCode.None, logout.Reason);
        Assert.Equal("logged out", logout.Text);
        await client.ExpectClosedAsync();
    }

    private void ExpectNoOrderReachedTheBook() => Assert.Empty(OrdersInBook().Orders);
}
