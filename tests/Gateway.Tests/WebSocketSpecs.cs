using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>The same session over WebSocket with JSON messages, on a Kestrel host like the node's.</summary>
public sealed class WebSocketSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    private WebApplication? _web;
    private readonly List<WebSocketClient> _clients = [];

    private Uri WebSocketUri { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _web = builder.Build();
        _web.UseWebSockets();
        _web.Map("/ws", (Func<HttpContext, Task>)Host.AcceptWebSocketAsync);
        await _web.StartAsync();
        WebSocketUri = new Uri(_web.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
    }

    public override async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_log_on_with_json()
    {
        var client = await ConnectAsync();
        await client.SendTextAsync("""{"type":"Logon","seq":1,"apiKey":"key-2","secret":"secret-2","heartbeatIntervalMs":0,"cancelOnDisconnect":false}""");

        var ack = await client.ExpectAsync<LogonAck>();
        Assert.Equal(1002, ack.AccountId);
    }

    [Fact]
    public async Task Should_reject_a_bad_secret_and_close()
    {
        var client = await ConnectAsync();
        await client.SendAsync(new Logon("key-1", "wrong", 0, false));

        Assert.Equal(LogonRejectReason.InvalidCredentials, (await client.ExpectAsync<LogonReject>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_place_and_cancel_an_order()
    {
        var client = await LogonAsync();
        await client.SendTextAsync("""{"type":"NewOrder","seq":2,"clientOrderId":1,"symbol":"BTC-USD","side":"Buy","orderType":"Limit","price":1000,"quantity":30}""");
        var accepted = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Accepted, 1L, 30L), (accepted.ExecType, accepted.ClientOrderId, accepted.LeavesQuantity));
        Assert.Single(OrdersInBook().Orders);

        await client.SendTextAsync($$"""{"type":"CancelOrder","seq":3,"clientOrderId":2,"symbol":"BTC-USD","orderId":{{accepted.OrderId}}}""");
        var cancelled = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Cancelled, 2L, accepted.OrderId), (cancelled.ExecType, cancelled.ClientOrderId, cancelled.OrderId));
        Assert.Empty(OrdersInBook().Orders);
    }

    [Fact]
    public async Task Should_reject_an_order_that_breaks_a_rule()
    {
        var client = await LogonAsync();
        await client.SendAsync(new NewOrder(5, Symbol, Side.Sell, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 1003, 10, 0));

        var rejected = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Rejected, RejectReason.TickSizeViolation), (rejected.ExecType, rejected.RejectReason));
    }

    [Fact]
    public async Task Should_reject_an_order_before_logon_and_close()
    {
        var client = await ConnectAsync();
        await client.SendAsync(new NewOrder(6, Symbol, Side.Sell, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 1000, 10, 0));

        Assert.Equal(RejectReason.NotLoggedOn, (await client.ExpectAsync<ExecutionReport>()).RejectReason);
        Assert.Equal(ProtocolErrorCode.NotLoggedOn, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_end_the_session_on_malformed_json()
    {
        var client = await LogonAsync();
        await client.SendTextAsync("""{"type":"NewOrder","seq":2,"bogus":1}""");

        Assert.Equal(ProtocolErrorCode.MalformedFrame, (await client.ExpectAsync<ProtocolError>()).Code);
        Assert.Equal(ProtocolErrorCode.MalformedFrame, (await client.ExpectAsync<Logout>()).Reason);
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_end_the_session_on_a_message_above_the_maximum_size()
    {
        var client = await LogonAsync();
        await client.SendTextAsync("{\"type\":\"TestRequest\",\"seq\":2,\"testRequestId\":1,\"pad\":\"" + new string('x', Options.MaxFrameBytes * 5) + "\"}");

        Assert.Equal(ProtocolErrorCode.FrameTooLarge, (await client.ExpectAsync<ProtocolError>()).Code);
        await client.ExpectAsync<Logout>();
        await client.ExpectClosedAsync();
    }

    [Fact]
    public async Task Should_report_a_maker_fill_across_the_two_edges()
    {
        var (tcpMaker, _) = await base.LogonAsync("key-1");
        await tcpMaker.SendAsync(Limit(Side.Sell, 1000, 10, clientOrderId: 9));
        var resting = await tcpMaker.ExpectAsync<ExecutionReport>();

        var taker = await LogonAsync("key-2");
        await taker.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 10));
        Assert.Equal(ExecType.Accepted, (await taker.ExpectAsync<ExecutionReport>()).ExecType);
        Assert.Equal(ExecType.Fill, (await taker.ExpectAsync<ExecutionReport>()).ExecType);

        var makerFill = await tcpMaker.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Fill, 9L, resting.OrderId), (makerFill.ExecType, makerFill.ClientOrderId, makerFill.OrderId));
    }

    private async Task<WebSocketClient> ConnectAsync()
    {
        var client = await WebSocketClient.ConnectAsync(WebSocketUri);
        _clients.Add(client);
        return client;
    }

    private async Task<WebSocketClient> LogonAsync(string key = "key-1")
    {
        var client = await ConnectAsync();
        await client.SendAsync(new Logon(key, "secret-" + key[^1], 0, false));
        await client.ExpectAsync<LogonAck>();
        return client;
    }
}
