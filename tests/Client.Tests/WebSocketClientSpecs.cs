using LoomExchange.Messages.Wire;

namespace LoomExchange.Client.Tests;

public sealed class WebSocketClientSpecs
{
    [Fact]
    public async Task Should_log_on_and_place_an_order_over_websocket_json()
    {
        var seen = new TaskCompletionSource<(Logon Logon, NewOrder Order, long OrderSequence)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gateway = await FakeWebSocketGateway.StartAsync(async peer =>
        {
            var (logon, _) = await peer.ReceiveAsync();
            await peer.SendAsync(new LogonAck(SessionId: 5, AccountId: 1002, HeartbeatIntervalMs: 5000));
            var (order, sequence) = await peer.ReceiveAsync();
            await peer.SendAsync(Reports.Accepted((NewOrder)order, orderId: 8));
            seen.SetResult(((Logon)logon, (NewOrder)order, sequence));
            await finished.Task.WaitAsync(FakeConnection.Deadline);
        });

        await using var client = await LoomClient.ConnectAsync(new LoomClientOptions { Endpoint = gateway.Endpoint, ApiKey = "demo-2", Secret = "demo-secret-2" });
        var answer = await client.PlaceOrderAsync(Reports.Limit(clientOrderId: 31));
        var (logon, order, orderSequence) = await seen.Task;
        finished.SetResult();

        Assert.Equal("demo-2", logon.ApiKey);
        Assert.Equal(1002, client.AccountId);
        Assert.Equal((31L, 2L), (order.ClientOrderId, orderSequence));
        Assert.Equal((ExecType.Accepted, 31L, 8L), (answer.ExecType, answer.ClientOrderId, answer.OrderId));
    }
}
