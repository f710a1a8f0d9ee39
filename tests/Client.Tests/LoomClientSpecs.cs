using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Tests;

public sealed class LoomClientSpecs : IAsyncLifetime
{
    private static readonly ReconnectPolicy FastReconnect = new() { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };

    private readonly FakeTcpGateway _gateway = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Should_log_on_with_its_credentials_and_learn_the_account()
    {
        var (client, server, logon) = await ConnectAsync(Options() with { ApiKey = "demo-2", Secret = "demo-secret-2", CancelOnDisconnect = true });
        await using var _ = client;

        Assert.Equal(("demo-2", "demo-secret-2", 5000, true), (logon.ApiKey, logon.Secret, logon.HeartbeatIntervalMs, logon.CancelOnDisconnect));
        Assert.Equal(1001, client.AccountId);
        Assert.Equal(ConnectionState.Connected, client.State);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Should_throw_a_typed_error_with_the_reason_when_the_logon_is_rejected()
    {
        var connecting = LoomClient.ConnectAsync(Options());
        await using var server = await _gateway.AcceptAsync();
        await server.ExpectAsync<Logon>();
        await server.SendAsync(new LogonReject(LogonRejectReason.InvalidCredentials, "unknown api key"));
        server.Drop();

        var error = await Assert.ThrowsAsync<LoomLogonRejectedException>(() => connecting);
        Assert.Equal(LogonRejectReason.InvalidCredentials, error.Reason);
        Assert.Contains("unknown api key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fail_with_a_connection_error_when_nothing_listens()
    {
        var port = FreePort();
        var error = await Assert.ThrowsAsync<LoomConnectionException>(() => LoomClient.ConnectAsync(Options() with { Endpoint = $"tcp://127.0.0.1:{port}" }));
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_complete_a_placed_order_with_its_first_report_and_stream_every_report()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;
        await using var ___ = server;
        using var subscription = client.SubscribeReports();

        var placing = client.PlaceOrderAsync(Reports.Limit());
        var (order, sequence) = await server.ExpectAsync<NewOrder>();
        Assert.Equal(2, sequence);
        Assert.NotEqual(0, order.ClientOrderId);
        await server.SendAsync(Reports.Accepted(order, orderId: 41));
        await server.SendAsync(Reports.Fill(order, orderId: 41, quantity: order.Quantity));

        var answer = await placing;
        Assert.Equal((ExecType.Accepted, order.ClientOrderId, 41L), (answer.ExecType, answer.ClientOrderId, answer.OrderId));
        Assert.Equal(ExecType.Accepted, (await subscription.Reader.ReadAsync()).ExecType);
        Assert.Equal(ExecType.Fill, (await subscription.Reader.ReadAsync()).ExecType);
        Assert.Equal(0, client.PendingRequests);
    }

    [Fact]
    public async Task Should_number_outbound_frames_one_by_one_and_keep_caller_client_order_ids()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;
        await using var ___ = server;

        var a = client.PlaceOrderAsync(Reports.Limit(clientOrderId: 500));
        var b = client.CancelOrderAsync("BTC-USD", orderId: 41, clientOrderId: 501);
        var (order, first) = await server.ExpectAsync<NewOrder>();
        var (cancel, second) = await server.ExpectAsync<CancelOrder>();

        Assert.Equal((500L, 2L), (order.ClientOrderId, first));
        Assert.Equal((501L, 3L, 41L), (cancel.ClientOrderId, second, cancel.OrderId));
        await server.SendAsync(Reports.Accepted(order, 41));
        await server.SendAsync(Reports.Rejected(501, "BTC-USD", RejectReason.UnknownOrder));
        Assert.Equal(ExecType.Accepted, (await a).ExecType);
        Assert.Equal(RejectReason.UnknownOrder, (await b).RejectReason);
    }

    [Fact]
    public async Task Should_resend_an_unanswered_order_with_the_same_client_order_id_after_the_connection_drops()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;

        var placing = client.PlaceOrderAsync(Reports.Limit());
        var (order, _) = await server.ExpectAsync<NewOrder>();
        server.Drop();

        await using var second = await _gateway.AcceptAsync();
        await second.AcceptLogonAsync();
        var (retry, sequence) = await second.ExpectAsync<NewOrder>();
        Assert.Equal(order, retry);
        Assert.Equal(2, sequence);
        await second.SendAsync(Reports.Accepted(retry, 41));

        Assert.Equal(order.ClientOrderId, (await placing).ClientOrderId);
        Assert.Equal(1, client.Reconnects);
    }

    [Fact]
    public async Task Should_not_resend_what_was_answered_before_the_drop()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;

        var answered = client.PlaceOrderAsync(Reports.Limit());
        var (first, _) = await server.ExpectAsync<NewOrder>();
        await server.SendAsync(Reports.Accepted(first, 1));
        await answered;
        var open = client.PlaceOrderAsync(Reports.Limit());
        var (second, _) = await server.ExpectAsync<NewOrder>();
        server.Drop();

        await using var next = await _gateway.AcceptAsync();
        await next.AcceptLogonAsync();
        var (retry, _) = await next.ExpectAsync<NewOrder>();
        Assert.Equal(second.ClientOrderId, retry.ClientOrderId);
        await next.SendAsync(Reports.Accepted(retry, 2));
        await open;
    }

    [Fact]
    public async Task Should_reconnect_when_an_inbound_sequence_number_is_skipped()
    {
        var states = new List<ConnectionStateChange>();
        var (client, server, _) = await ConnectAsync(Options() with { OnStateChanged = change => { lock (states) { states.Add(change); } } });
        await using var __ = client;
        await using var ___ = server;

        var placing = client.PlaceOrderAsync(Reports.Limit());
        var (order, _) = await server.ExpectAsync<NewOrder>();
        await server.SendAsync(Reports.Accepted(order, 41), sequence: 5); // 2 was due: 2..4 were lost

        await using var next = await _gateway.AcceptAsync();
        await next.AcceptLogonAsync();
        var (retry, _) = await next.ExpectAsync<NewOrder>();
        Assert.Equal(order.ClientOrderId, retry.ClientOrderId);
        await next.SendAsync(Reports.Accepted(retry, 41));
        await placing;
        lock (states)
        {
            var gap = Assert.IsType<LoomProtocolException>(states.First(s => s.State == ConnectionState.Reconnecting).Cause);
            Assert.Equal(ProtocolErrorCode.SequenceGap, gap.Code);
        }
    }

    [Fact]
    public async Task Should_answer_a_test_request_with_a_heartbeat_carrying_its_id()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;
        await using var ___ = server;

        await server.SendAsync(new TestRequest(4242));

        var (heartbeat, sequence) = await server.ExpectAsync<Heartbeat>();
        Assert.Equal(4242, heartbeat.TestRequestId);
        Assert.Equal(2, sequence);
    }

    [Fact]
    public async Task Should_send_heartbeats_when_idle()
    {
        var (client, server, _) = await ConnectAsync(Options() with { HeartbeatInterval = TimeSpan.FromSeconds(1) }, heartbeatMs: 1000);
        await using var __ = client;
        await using var ___ = server;

        var frame = await server.ReceiveAsync();

        Assert.Equal(new Heartbeat(0), frame?.Message);
    }

    [Fact]
    public async Task Should_fail_an_unanswered_request_with_a_timeout_error()
    {
        var (client, server, _) = await ConnectAsync(Options() with { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        await using var __ = client;
        await using var ___ = server;

        var placing = client.PlaceOrderAsync(Reports.Limit(clientOrderId: 77));

        var error = await Assert.ThrowsAsync<LoomRequestTimeoutException>(() => placing);
        Assert.Equal(77, error.ClientOrderId);
        Assert.Equal(0, client.PendingRequests);
    }

    [Fact]
    public async Task Should_fail_a_rate_limited_request_named_by_the_protocol_error()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;
        await using var ___ = server;

        var status = client.RequestStatusAsync("BTC-USD", 41);
        var (_, sequence) = await server.ExpectAsync<OrderStatusRequest>();
        await server.SendAsync(new ProtocolError(ProtocolErrorCode.RateLimited, sequence, "session over 20000 msg/s"));

        var error = await Assert.ThrowsAsync<LoomProtocolException>(() => status);
        Assert.Equal(ProtocolErrorCode.RateLimited, error.Code);
    }

    [Fact]
    public async Task Should_complete_a_mass_cancel_with_its_done_report_not_the_cancels_before_it()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;
        await using var ___ = server;

        var cancelling = client.MassCancelAsync("BTC-USD");
        var (mass, _) = await server.ExpectAsync<MassCancel>();
        var cancelled = Reports.Accepted(Reports.Limit(mass.ClientOrderId), 41) with { ExecType = ExecType.Cancelled, CancelReason = CancelReason.MassCancel };
        await server.SendAsync(cancelled);
        await server.SendAsync(Reports.MassCancelDone(mass.ClientOrderId, "BTC-USD", cancelled: 1));

        var done = await cancelling;
        Assert.Equal((ExecType.MassCancelDone, 1L), (done.ExecType, done.Quantity));
    }

    [Fact]
    public async Task Should_deliver_reports_to_the_fast_path_handler_with_the_request_they_answer()
    {
        var seen = new List<(ExecType, long?)>();
        var answered = new TaskCompletionSource();
        var (client, server, _) = await ConnectAsync(Options() with
        {
            OnExecutionReport = (report, request) =>
            {
                lock (seen)
                {
                    seen.Add((report.ExecType, request?.Tag));
                    if (seen.Count == 2)
                    {
                        answered.SetResult();
                    }
                }
            },
        });
        await using var __ = client;
        await using var ___ = server;

        var clientOrderId = client.Send(Reports.Limit(), tag: 12345);
        var (order, _) = await server.ExpectAsync<NewOrder>();
        await server.SendAsync(Reports.Accepted(order, 41));
        await server.SendAsync(Reports.Fill(order, 41, order.Quantity));
        await answered.Task.WaitAsync(FakeConnection.Deadline);

        Assert.Equal(clientOrderId, order.ClientOrderId);
        Assert.Equal([(ExecType.Accepted, 12345L), (ExecType.Fill, (long?)null)], seen);
    }

    [Fact]
    public async Task Should_log_out_when_disposed()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var ___ = server;

        var disposing = client.DisposeAsync().AsTask();
        var (logout, _) = await server.ExpectAsync<Logout>();
        await server.SendAsync(new Logout(ProtocolErrorCode.None, "logged out"));
        server.Drop();
        await disposing;

        Assert.Equal(ProtocolErrorCode.None, logout.Reason);
        Assert.Equal(ConnectionState.Closed, client.State);
    }

    [Fact]
    public async Task Should_not_take_the_book_cancelling_an_order_by_itself_for_the_answer_to_a_cancel_of_it()
    {
        var (client, server, _) = await ConnectAsync(Options());
        await using var __ = client;
        await using var ___ = server;
        var order = Reports.Limit(clientOrderId: 900);

        var cancelling = client.CancelOrderAsync("BTC-USD", orderId: 41, clientOrderId: 901);
        await server.ExpectAsync<CancelOrder>();
        await server.SendAsync(Reports.Accepted(order, 41) with { ExecType = ExecType.Cancelled, CancelReason = CancelReason.ImmediateRemainder });
        await server.SendAsync(Reports.Rejected(901, "BTC-USD", RejectReason.UnknownOrder));

        var answer = await cancelling;
        Assert.Equal((ExecType.Rejected, 901L, RejectReason.UnknownOrder), (answer.ExecType, answer.ClientOrderId, answer.RejectReason));
    }

    [Fact]
    public async Task Should_fail_open_requests_when_reconnecting_gives_up()
    {
        var (client, server, _) = await ConnectAsync(Options() with { Reconnect = ReconnectPolicy.None });
        await using var __ = client;

        var placing = client.PlaceOrderAsync(Reports.Limit());
        await server.ExpectAsync<NewOrder>();
        server.Drop();

        await Assert.ThrowsAsync<LoomConnectionException>(() => placing);
        Assert.Equal(ConnectionState.Closed, client.State);
        Assert.Throws<LoomConnectionException>(() => client.Send(Reports.Limit()));
    }

    private LoomClientOptions Options() => new() { Endpoint = _gateway.Endpoint, Reconnect = FastReconnect };

    private async Task<(LoomClient Client, FakeConnection Server, Logon Logon)> ConnectAsync(LoomClientOptions options, int heartbeatMs = 5000)
    {
        var connecting = LoomClient.ConnectAsync(options);
        var server = await _gateway.AcceptAsync();
        var logon = await server.AcceptLogonAsync(heartbeatMs: heartbeatMs);
        return (await connecting, server, logon);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
