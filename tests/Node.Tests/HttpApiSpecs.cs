using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace LoomExchange.Node.Tests;

/// <summary>
/// The HTTP order API of a running node: health, input validation with stable reason codes, book rejects,
/// matching, depth, ownership of orders and request limits. Each spec works in a symbol of its own.
/// </summary>
public sealed class HttpApiSpecs(HttpApiNode fixture, ITestOutputHelper output) : IClassFixture<HttpApiNode>
{
    private HttpClient Client => fixture.Node.Client;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Should_report_Healthy_on_the_health_endpoints(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_answer_404_UnknownSymbol_for_every_request_about_a_symbol_that_is_not_listed()
    {
        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => Client.PlaceAsync(new PlaceOrder("NOPE", 1, 1, "buy", "1.00", "1")),
            () => Client.CancelAsync("NOPE", 1, 1, 2),
            () => Client.AmendAsync("NOPE", 1, new AmendOrder(1, 3, "1.00", "1")),
            () => Client.GetAsync(new Uri("/api/books/NOPE", UriKind.Relative)),
            () => Client.GetAsync(new Uri("/api/books/NOPE/status", UriKind.Relative)),
            () => Client.GetAsync(new Uri("/api/books/NOPE/orders", UriKind.Relative)),
        };

        await Verify(async () =>
        {
            foreach (var request in requests)
            {
                using var response = await request();
                var error = await response.ReadAsync<ErrorReply>(HttpStatusCode.NotFound);
                Assert.Equal(("UnknownSymbol", 1), (error.Reason, error.Code));
                Assert.Contains("NOPE", error.Error, StringComparison.Ordinal);
            }
        });
    }

    [Theory]
    [InlineData("price", "12.3x", "InvalidPrice", 5)]
    [InlineData("price", "100.001", "InvalidPrice", 5)]
    [InlineData("price", "", "InvalidPrice", 5)]
    [InlineData("side", "up", "InvalidSide", 2)]
    [InlineData("side", "1", "InvalidSide", 2)]
    [InlineData("type", "stop", "InvalidOrderType", 3)]
    [InlineData("quantity", "1.5", "InvalidQuantity", 6)]
    [InlineData("quantity", "ten", "InvalidQuantity", 6)]
    [InlineData("timeInForce", "forever", "InvalidTimeInForce", 4)]
    public async Task Should_refuse_a_malformed_field_with_400_and_its_reason_name_and_code(string field, string value, string reason, int code)
    {
        var order = new JsonObject
        {
            ["symbol"] = "AAPL",
            ["account"] = 1,
            ["clientOrderId"] = 1,
            ["side"] = "buy",
            ["price"] = "100.00",
            ["quantity"] = "1",
        };
        order[field] = value;

        await Verify(async () =>
        {
            using var response = await PostRawAsync(order.ToJsonString());

            var error = await response.ReadAsync<ErrorReply>(HttpStatusCode.BadRequest);
            Assert.Equal((reason, code), (error.Reason, error.Code));
            Assert.Contains(field, error.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Should_reject_a_lot_size_violation_in_the_book_with_a_message_naming_the_rule() => await Verify(async () =>
    {
        using var response = await Client.PlaceAsync(new PlaceOrder("EUR-USD", 1, 1, "buy", "1.10000", "1500"));

        var reply = await response.ReadAsync<OrderReply>();
        Assert.Equal(("rejected", "LotSizeViolation", 8), (reply.Status, reply.RejectReason, reply.RejectCode));
        Assert.Equal("quantity 1500 is not a multiple of lot size 1000 for EUR-USD", reply.Message);
        Assert.Equal("Rejected", Assert.Single(reply.Events).Type);
    });

    [Fact]
    public async Task Should_reject_a_price_between_ticks_in_the_book_and_accept_one_on_a_tick() => await Verify(async () =>
    {
        using var between = await Client.PlaceAsync(new PlaceOrder(HttpApiNode.TickSymbol, 1, 1, "buy", "10.03", "5"));
        using var onTick = await Client.PlaceAsync(new PlaceOrder(HttpApiNode.TickSymbol, 1, 2, "buy", "10.05", "5"));

        var rejected = await between.ReadAsync<OrderReply>();
        Assert.Equal(("rejected", "TickSizeViolation", 7), (rejected.Status, rejected.RejectReason, rejected.RejectCode));
        Assert.Equal($"price 10.03 is not a multiple of tick size 0.05 for {HttpApiNode.TickSymbol}", rejected.Message);
        var accepted = await onTick.ReadAsync<OrderReply>();
        Assert.Equal("executed", accepted.Status);
        Assert.Equal(["Accepted"], accepted.Events.Select(e => e.Type));
    });

    [Fact]
    public async Task Should_trade_crossing_orders_at_the_makers_price_and_show_the_rest_in_the_depth() => await Verify(async () =>
    {
        var near = await PlaceExecutedAsync(new PlaceOrder("MSFT", 11, 1, "sell", "300.00", "10"));
        await PlaceExecutedAsync(new PlaceOrder("MSFT", 11, 2, "sell", "300.50", "5"));
        await PlaceExecutedAsync(new PlaceOrder("MSFT", 13, 1, "buy", "299.00", "2"));

        var taker = await PlaceExecutedAsync(new PlaceOrder("MSFT", 12, 1, "buy", "301.00", "4"));

        Assert.Equal(["Accepted", "Trade"], taker.Events.Select(e => e.Type));
        var trade = taker.Events[1];
        Assert.Equal((near.OrderId, "300.00", "4", "0"), (trade.MakerOrderId, trade.Price, trade.Quantity, trade.LeavesQuantity));
        Assert.NotNull(trade.TradeId);

        var depth = await Client.GetDepthAsync("MSFT", 10);
        Assert.Equal("300.00", depth.LastTradePrice);
        Assert.Equal([new LevelView("299.00", "2", 1)], depth.Bids);
        Assert.Equal([new LevelView("300.00", "6", 1), new LevelView("300.50", "5", 1)], depth.Asks);
        Assert.Equal(trade.Sequence, depth.Sequence);
        Assert.Equal([new LevelView("300.00", "6", 1)], (await Client.GetDepthAsync("MSFT", 1)).Asks);
    });

    [Fact]
    public async Task Should_reject_a_cancel_of_another_accounts_order_as_UnknownOrder_and_keep_the_order() => await Verify(async () =>
    {
        var order = await PlaceExecutedAsync(new PlaceOrder("BTC-USD", 21, 1, "buy", "60000.00", "0.5"));

        using var foreign = await Client.CancelAsync("BTC-USD", order.OrderId, account: 22, clientOrderId: 1);

        var rejected = await foreign.ReadAsync<OrderReply>();
        Assert.Equal(("rejected", "UnknownOrder", 17), (rejected.Status, rejected.RejectReason, rejected.RejectCode));
        Assert.Equal([order.OrderId], (await Client.GetOrdersAsync("BTC-USD")).Orders.Select(o => o.OrderId));

        using var own = await Client.CancelAsync("BTC-USD", order.OrderId, account: 21, clientOrderId: 2);
        var cancelled = await own.ReadAsync<OrderReply>();
        Assert.Equal("executed", cancelled.Status);
        var e = Assert.Single(cancelled.Events);
        Assert.Equal(("Cancelled", "Requested", order.OrderId), (e.Type, e.CancelReason, e.OrderId));
        Assert.Empty((await Client.GetOrdersAsync("BTC-USD")).Orders);
    });

    [Fact]
    public async Task Should_amend_a_resting_order_and_show_its_new_price_and_quantity() => await Verify(async () =>
    {
        var order = await PlaceExecutedAsync(new PlaceOrder("ETH-USD", 31, 1, "sell", "3000.00", "2"));

        using var response = await Client.AmendAsync("ETH-USD", order.OrderId, new AmendOrder(31, 2, "3010.50", "1.5"));

        var amended = await response.ReadAsync<OrderReply>();
        var e = Assert.Single(amended.Events);
        Assert.Equal(("Amended", "3010.50", "1.50000"), (e.Type, e.Price, e.LeavesQuantity));
        var resting = Assert.Single((await Client.GetOrdersAsync("ETH-USD")).Orders);
        Assert.Equal((order.OrderId, "3010.50", "1.50000"), (resting.OrderId, resting.Price, resting.LeavesQuantity));
    });

    [Fact]
    public async Task Should_list_the_configured_instruments() => await Verify(async () =>
    {
        using var response = await Client.GetAsync(new Uri("/api/instruments", UriKind.Relative));

        var symbols = (await response.ReadAsync<JsonArray>()).Select(i => i!["symbol"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "AAPL", "BTC-USD", "EUR-USD", HttpApiNode.TickSymbol }, symbols.ToHashSet());
    });

    [Fact]
    public async Task Should_refuse_a_body_over_64_KiB_with_413() => await Verify(async () =>
    {
        var order = new JsonObject
        {
            ["symbol"] = "AAPL",
            ["account"] = 1,
            ["clientOrderId"] = 99,
            ["side"] = "buy",
            ["price"] = "100.00",
            ["quantity"] = "1",
            ["padding"] = new string('x', 65 * 1024),
        };

        using var response = await PostRawAsync(order.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    });

    [Theory]
    [InlineData("{\"symbol\":\"AAPL\",")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"symbol\":\"AAPL\",\"account\":\"one\",\"side\":\"buy\",\"price\":\"1.00\",\"quantity\":\"1\"}")]
    public async Task Should_refuse_a_body_that_is_not_an_order_in_JSON_with_400(string body) => await Verify(async () =>
    {
        using var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    });

    private Task<HttpResponseMessage> PostRawAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return Client.PostAsync(new Uri("/api/orders", UriKind.Relative), content);
    }

    private async Task<OrderReply> PlaceExecutedAsync(PlaceOrder order)
    {
        using var response = await Client.PlaceAsync(order);
        var reply = await response.ReadAsync<OrderReply>();
        Assert.True(reply.Status == "executed", $"{order} answered {reply}");
        return reply;
    }

    /// <summary>Runs a spec; if it fails, the node's last output goes into the test's output.</summary>
    private async Task Verify(Func<Task> spec)
    {
        try
        {
            await spec();
        }
        catch (Exception) when (Dump())
        {
            throw;
        }
    }

    private bool Dump()
    {
        output.WriteLine("node output (last lines):");
        output.WriteLine(fixture.Node.Output);
        return false;
    }
}
