using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Tests;

/// <summary>A client given several gateways moves to another when its own dies, and resends what is unanswered there.</summary>
public sealed class FailoverSpecs : IAsyncLifetime
{
    private static readonly ReconnectPolicy FastReconnect = new() { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };

    private readonly FakeTcpGateway _first = new();
    private readonly FakeTcpGateway _second = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Should_resend_an_unanswered_order_to_the_next_gateway_with_the_same_client_order_id_when_its_gateway_dies()
    {
        var answers = new List<(ExecutionReport Report, SentRequest? Answered)>();
        var connecting = LoomClient.ConnectAsync(new LoomClientOptions
        {
            Endpoint = _first.Endpoint,
            FailoverEndpoints = [_second.Endpoint],
            Reconnect = FastReconnect,
            OnExecutionReport = (report, answered) =>
            {
                lock (answers)
                {
                    answers.Add((report, answered));
                }
            },
        });
        var dying = await _first.AcceptAsync();
        await dying.AcceptLogonAsync();
        await using var client = await connecting;

        var placing = client.PlaceOrderAsync(Reports.Limit());
        var (order, _) = await dying.ExpectAsync<NewOrder>();
        dying.Drop();
        await _first.DisposeAsync(); // the node is gone: nothing listens there any more

        await using var survivor = await _second.AcceptAsync();
        await survivor.AcceptLogonAsync(accountId: 1001);
        var (retry, sequence) = await survivor.ExpectAsync<NewOrder>();
        Assert.Equal(order, retry);
        Assert.Equal(2, sequence);
        await survivor.SendAsync(Reports.Accepted(retry, orderId: 41));

        var answer = await placing;
        Assert.Equal((ExecType.Accepted, order.ClientOrderId, 41L), (answer.ExecType, answer.ClientOrderId, answer.OrderId));
        Assert.Equal(_second.Endpoint, client.Endpoint.ToString().TrimEnd('/'));
        Assert.Equal(1, client.Reconnects);
        lock (answers)
        {
            var answered = Assert.Single(answers);
            Assert.Equal(order.ClientOrderId, answered.Answered?.ClientOrderId);
            Assert.Equal(2, answered.Answered?.Attempts);
        }
    }

    [Fact]
    public async Task Should_connect_to_the_next_gateway_when_the_first_cannot_be_reached()
    {
        var refused = $"tcp://127.0.0.1:{FreePort()}";
        var connecting = LoomClient.ConnectAsync(new LoomClientOptions { Endpoint = refused, FailoverEndpoints = [_second.Endpoint], Reconnect = FastReconnect });
        await using var server = await _second.AcceptAsync();
        await server.AcceptLogonAsync();

        await using var client = await connecting;

        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(_second.Endpoint, client.Endpoint.ToString().TrimEnd('/'));
        Assert.Equal(2, client.Endpoints.Count);
    }

    [Fact]
    public async Task Should_come_round_to_the_first_gateway_again_when_the_others_are_down()
    {
        var refused = $"tcp://127.0.0.1:{FreePort()}";
        var connecting = LoomClient.ConnectAsync(new LoomClientOptions { Endpoint = _first.Endpoint, FailoverEndpoints = [refused], Reconnect = FastReconnect });
        var server = await _first.AcceptAsync();
        await server.AcceptLogonAsync();
        await using var client = await connecting;

        var placing = client.PlaceOrderAsync(Reports.Limit());
        var (order, _) = await server.ExpectAsync<NewOrder>();
        server.Drop();

        await using var again = await _first.AcceptAsync();
        await again.AcceptLogonAsync();
        var (retry, _) = await again.ExpectAsync<NewOrder>();
        Assert.Equal(order.ClientOrderId, retry.ClientOrderId);
        await again.SendAsync(Reports.Accepted(retry, orderId: 7));
        Assert.Equal(7, (await placing).OrderId);
    }

    [Fact]
    public async Task Should_name_every_gateway_when_none_can_be_reached()
    {
        var (a, b) = (FreePort(), FreePort());

        var error = await Assert.ThrowsAsync<LoomConnectionException>(() => LoomClient.ConnectAsync(
            new LoomClientOptions { Endpoint = $"tcp://127.0.0.1:{a}", FailoverEndpoints = [$"tcp://127.0.0.1:{b}"], Reconnect = FastReconnect }));

        Assert.Contains($"127.0.0.1:{a}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{b}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_malformed_failover_endpoint()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LoomClient.ConnectAsync(new LoomClientOptions { FailoverEndpoints = ["http://x"] }));
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
