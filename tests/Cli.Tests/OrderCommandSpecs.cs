using System.Text.Json;
using LoomExchange.Client.Tests;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Tests;

public sealed class OrderCommandSpecs
{
    [Fact]
    public async Task Should_place_an_order_print_its_report_and_exit_with_0()
    {
        NewOrder? received = null;
        await using var gateway = new AnsweringGateway(request =>
        {
            received = (NewOrder)request;
            return Reports.Accepted(received, orderId: 17);
        });

        var (exit, output, _) = await Loomctl.RunAsync(
            "order", "place", "BTC-USD", "sell", "5000", "--price", "5000025", "--raw", "--client-order-id", "99", "--endpoint", gateway.Endpoint);

        Assert.Equal(0, exit);
        Assert.Equal((99L, Side.Sell, OrderType.Limit, TimeInForce.Gtc, 5_000_025L, 5000L), (received!.ClientOrderId, received.Side, received.OrderType, received.TimeInForce, received.Price, received.Quantity));
        Assert.StartsWith("Accepted", output, StringComparison.Ordinal);
        Assert.Contains("order 17", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_with_2_when_the_exchange_rejects()
    {
        await using var gateway = new AnsweringGateway(request =>
            Reports.Rejected(((NewOrder)request).ClientOrderId, "BTC-USD", RejectReason.TickSizeViolation));

        var (exit, output, _) = await Loomctl.RunAsync("order", "place", "BTC-USD", "buy", "1", "--price", "3", "--raw", "--json", "--endpoint", gateway.Endpoint);

        Assert.Equal(ExitCodes.Rejected, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("TickSizeViolation", json.RootElement.GetProperty("rejectReason").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("rejectCode").GetInt32());
    }

    [Fact]
    public async Task Should_exit_with_3_when_the_gateway_is_unreachable()
    {
        var (exit, _, error) = await Loomctl.RunAsync("order", "cancel", "BTC-USD", "5", "--raw", "--endpoint", $"tcp://127.0.0.1:{Loomctl.RefusedPort()}");

        Assert.Equal(ExitCodes.ConnectionFailure, exit);
        Assert.Contains("cannot connect", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_with_3_when_the_instrument_specs_cannot_be_read()
    {
        var (exit, _, error) = await Loomctl.RunAsync("order", "place", "BTC-USD", "buy", "1", "--price", "5", "--http", $"http://127.0.0.1:{Loomctl.RefusedPort()}");

        Assert.Equal(ExitCodes.ConnectionFailure, exit);
        Assert.Contains("--raw", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_exit_with_3_when_the_logon_is_rejected()
    {
        await using var gateway = new FakeTcpGateway();
        var running = Loomctl.RunAsync("order", "status", "BTC-USD", "5", "--raw", "--endpoint", gateway.Endpoint, "--api-key", "nobody");
        await using (var server = await gateway.AcceptAsync())
        {
            await server.ExpectAsync<Logon>();
            await server.SendAsync(new LogonReject(LogonRejectReason.InvalidCredentials, "unknown api key"));
        }

        var (exit, _, error) = await running;
        Assert.Equal(ExitCodes.ConnectionFailure, exit);
        Assert.Contains("InvalidCredentials", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order", "place", "BTC-USD", "buy", "1", "--raw", "--type", "limit")]
    [InlineData("order", "place", "BTC-USD", "buy", "1.5", "--raw", "--price", "5")]
    [InlineData("order", "place", "BTC-USD", "buy", "1", "--raw", "--price", "5", "--tif", "gtd")]
    [InlineData("order", "amend", "BTC-USD", "5", "--raw")]
    public async Task Should_exit_with_1_for_unusable_input(params string[] args)
    {
        var (exit, _, error) = await Loomctl.RunAsync([.. args, "--endpoint", $"tcp://127.0.0.1:{Loomctl.RefusedPort()}"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("usage error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_amend_with_the_current_quantity_when_only_the_price_changes()
    {
        AmendOrder? amend = null;
        await using var gateway = new AnsweringGateway(request => request switch
        {
            OrderStatusRequest s => Reports.Accepted(Reports.Limit(s.ClientOrderId), s.OrderId) with { ExecType = ExecType.Status, LeavesQuantity = 400 },
            AmendOrder a => (amend = a) is null ? null : Reports.Rejected(a.ClientOrderId, a.Symbol, RejectReason.None) with { ExecType = ExecType.Amended },
            _ => null,
        });

        var (exit, _, _) = await Loomctl.RunAsync("order", "amend", "BTC-USD", "5", "--price", "4000000", "--raw", "--endpoint", gateway.Endpoint);

        Assert.Equal(0, exit);
        Assert.Equal((5L, 4_000_000L, 400L), (amend!.OrderId, amend.Price, amend.Quantity));
    }
}
