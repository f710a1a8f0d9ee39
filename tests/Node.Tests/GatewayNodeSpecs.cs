using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Node.Tests;

/// <summary>
/// The node's gateways as a client sees them: a demo key logs on over the binary TCP protocol (on either socket edge)
/// and over WebSocket JSON, and an order comes back accepted.
/// </summary>
public sealed partial class GatewayNodeSpecs
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Should_accept_an_order_over_the_binary_tcp_gateway()
    {
        await using var node = await NodeProcess.StartAsync("--Loom:Gateway:Tcp:Edge=akka");
        var port = int.Parse(ListeningOn().Match(node.Output).Groups[1].Value, CultureInfo.InvariantCulture);

        await PlaceOverTcpAsync(port);
    }

    [Fact]
    public async Task Should_report_a_maker_fill_to_the_makers_own_session()
    {
        await using var node = await NodeProcess.StartAsync("--Loom:Gateway:Tcp:Edge=akka");
        var port = int.Parse(ListeningOn().Match(node.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        using var deadline = new CancellationTokenSource(Deadline);
        using var makerClient = new TcpClient();
        using var takerClient = new TcpClient();
        await makerClient.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
        await takerClient.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
        var maker = makerClient.GetStream();
        var taker = takerClient.GetStream();
        await maker.WriteAsync(BinaryCodec.Encode(new Logon("demo-1", "demo-secret-1", 0, false), 1), deadline.Token);
        await taker.WriteAsync(BinaryCodec.Encode(new Logon("demo-2", "demo-secret-2", 0, false), 1), deadline.Token);
        Assert.IsType<LogonAck>(await ReadFrameAsync(maker, deadline.Token));
        Assert.IsType<LogonAck>(await ReadFrameAsync(taker, deadline.Token));

        await maker.WriteAsync(BinaryCodec.Encode(new NewOrder(5, "MSFT", Side.Sell, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 40_000, 10, 0), 2), deadline.Token);
        var resting = Assert.IsType<ExecutionReport>(await ReadFrameAsync(maker, deadline.Token));
        await taker.WriteAsync(BinaryCodec.Encode(new NewOrder(6, "MSFT", Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 40_000, 4, 0), 2), deadline.Token);

        var fill = Assert.IsType<ExecutionReport>(await ReadFrameAsync(maker, deadline.Token));
        Assert.Equal((ExecType.PartialFill, 5L, resting.OrderId, 6L, 4L), (fill.ExecType, fill.ClientOrderId, fill.OrderId, fill.LeavesQuantity, fill.LastQuantity));
    }

    [Fact]
    public async Task Should_accept_an_order_over_the_kestrel_tcp_edge()
    {
        var port = FreePort();
        await using var node = await NodeProcess.StartAsync("--Loom:Gateway:Tcp:Edge=kestrel", $"--Loom:Gateway:Tcp:Port={port}");

        await PlaceOverTcpAsync(port);
    }

    [Fact]
    public async Task Should_accept_an_order_over_the_websocket_gateway()
    {
        await using var node = await NodeProcess.StartAsync();
        using var socket = new ClientWebSocket();
        var uri = new Uri(node.Client.BaseAddress!.ToString().Replace("http://", "ws://", StringComparison.Ordinal) + "ws");
        using var deadline = new CancellationTokenSource(Deadline);
        await socket.ConnectAsync(uri, deadline.Token);

        await WebSocketText.SendAsync(socket, """{"type":"Logon","seq":1,"apiKey":"demo-3","secret":"demo-secret-3"}""", deadline.Token);
        Assert.Contains("\"LogonAck\"", await WebSocketText.ReceiveAsync(socket, deadline.Token), StringComparison.Ordinal);
        await WebSocketText.SendAsync(socket, """{"type":"NewOrder","seq":2,"clientOrderId":1,"symbol":"AAPL","side":"Buy","orderType":"Limit","price":15000,"quantity":5}""", deadline.Token);
        var report = await WebSocketText.ReceiveAsync(socket, deadline.Token);
        Assert.Contains("\"ExecutionReport\"", report, StringComparison.Ordinal);
        Assert.Contains("\"execType\":\"Accepted\"", report, StringComparison.Ordinal);
    }

    private static async Task PlaceOverTcpAsync(int port)
    {
        using var client = new TcpClient();
        using var deadline = new CancellationTokenSource(Deadline);
        await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(BinaryCodec.Encode(new Logon("demo-1", "demo-secret-1", 0, false), 1), deadline.Token);
        var ack = Assert.IsType<LogonAck>(await ReadFrameAsync(stream, deadline.Token));
        Assert.Equal(1001, ack.AccountId);

        var order = new NewOrder(1, "AAPL", Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 15_000, 5, 0);
        await stream.WriteAsync(BinaryCodec.Encode(order, 2), deadline.Token);
        var report = Assert.IsType<ExecutionReport>(await ReadFrameAsync(stream, deadline.Token));
        Assert.Equal((ExecType.Accepted, 1L, "AAPL"), (report.ExecType, report.ClientOrderId, report.Symbol));
    }

    private static async Task<WireMessage> ReadFrameAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var frame = new byte[2 + (header[0] | (header[1] << 8))];
        header.CopyTo(frame, 0);
        await stream.ReadExactlyAsync(frame.AsMemory(2), cancellationToken);
        var result = BinaryCodec.Decode(frame, serverSide: false);
        Assert.True(result.IsSuccess, result.ErrorText);
        return result.Message!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"gateway tcp listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningOn();
}
