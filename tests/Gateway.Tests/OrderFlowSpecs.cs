using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;
using Xunit.Abstractions;

namespace LoomExchange.Gateway.Tests;

/// <summary>Orders through the gateway to real books and back: every report after the book journaled it, for the right session.</summary>
public sealed class OrderFlowSpecs(ITestOutputHelper output) : GatewaySpec(output)
{
    [Fact]
    public async Task Should_report_an_accepted_order_with_the_book_order_id()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Buy, 1000, 30, clientOrderId: 11));

        var accepted = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal(ExecType.Accepted, accepted.ExecType);
        Assert.Equal((11L, Symbol, Side.Buy, 1000L, 30L, 30L), (accepted.ClientOrderId, accepted.Symbol, accepted.Side, accepted.Price, accepted.Quantity, accepted.LeavesQuantity));
        Assert.True(accepted.OrderId > 0);
        Assert.Equal(accepted.OrderId, Assert.Single(OrdersInBook().Orders).OrderId);
    }

    [Theory]
    [InlineData(1003L, 10L, RejectReason.TickSizeViolation)]
    [InlineData(1000L, 15L, RejectReason.LotSizeViolation)]
    [InlineData(1000L, 0L, RejectReason.InvalidQuantity)]
    [InlineData(-5L, 10L, RejectReason.InvalidPrice)]
    [InlineData(1000L, 2_000_000L, RejectReason.QuantityAboveMaximum)]
    public async Task Should_reject_an_order_that_breaks_a_static_rule_without_reaching_the_book(long price, long quantity, RejectReason reason)
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Sell, price, quantity, clientOrderId: 12));

        var rejected = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Rejected, reason, 12L), (rejected.ExecType, rejected.RejectReason, rejected.ClientOrderId));
        Assert.Empty(OrdersInBook().Orders);
    }

    [Fact]
    public async Task Should_reject_an_unknown_symbol_and_an_invalid_side()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(new NewOrder(13, "NOPE", Side.Buy, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 1000, 10, 0));
        await client.SendAsync(new NewOrder(14, Symbol, (Side)7, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, 1000, 10, 0));

        Assert.Equal(RejectReason.UnknownSymbol, (await client.ExpectAsync<ExecutionReport>()).RejectReason);
        Assert.Equal(RejectReason.InvalidSide, (await client.ExpectAsync<ExecutionReport>()).RejectReason);
    }

    [Fact]
    public async Task Should_report_the_taker_fill_to_the_taker_and_the_maker_fill_to_the_maker_on_its_own_session()
    {
        var (maker, _) = await LogonAsync("key-1");
        var (taker, _) = await LogonAsync("key-2");
        await maker.SendAsync(Limit(Side.Sell, 1000, 30, clientOrderId: 21));
        var resting = await maker.ExpectAsync<ExecutionReport>();

        await taker.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 31));
        Assert.Equal(ExecType.Accepted, (await taker.ExpectAsync<ExecutionReport>()).ExecType);
        var takerFill = await taker.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Fill, 31L, Side.Buy, 0L, 1000L, 10L), (takerFill.ExecType, takerFill.ClientOrderId, takerFill.Side, takerFill.LeavesQuantity, takerFill.LastPrice, takerFill.LastQuantity));

        var makerFill = await maker.ExpectAsync<ExecutionReport>();
        Assert.Equal(ExecType.PartialFill, makerFill.ExecType);
        Assert.Equal((21L, resting.OrderId, Side.Sell, 20L, 1000L, 10L, 30L), (makerFill.ClientOrderId, makerFill.OrderId, makerFill.Side, makerFill.LeavesQuantity, makerFill.LastPrice, makerFill.LastQuantity, makerFill.Quantity));
        Assert.Equal(takerFill.TradeId, makerFill.TradeId);
    }

    [Fact]
    public async Task Should_report_a_cancel_with_the_cancel_request_id()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Buy, 1000, 30, clientOrderId: 41));
        var accepted = await client.ExpectAsync<ExecutionReport>();

        await client.SendAsync(new CancelOrder(42, Symbol, accepted.OrderId));
        var cancelled = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Cancelled, 42L, accepted.OrderId, CancelReason.Requested, 0L), (cancelled.ExecType, cancelled.ClientOrderId, cancelled.OrderId, cancelled.CancelReason, cancelled.LeavesQuantity));
        Assert.Empty(OrdersInBook().Orders);
    }

    [Fact]
    public async Task Should_reject_a_cancel_of_an_unknown_order_as_the_book_says()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(new CancelOrder(43, Symbol, 999));

        var rejected = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Rejected, RejectReason.UnknownOrder, 999L), (rejected.ExecType, rejected.RejectReason, rejected.OrderId));
    }

    [Fact]
    public async Task Should_report_an_amend()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Buy, 1000, 30, clientOrderId: 51));
        var accepted = await client.ExpectAsync<ExecutionReport>();

        await client.SendAsync(new AmendOrder(52, Symbol, accepted.OrderId, 995, 20));
        var amended = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Amended, 52L, accepted.OrderId, 995L, 20L), (amended.ExecType, amended.ClientOrderId, amended.OrderId, amended.Price, amended.LeavesQuantity));
    }

    [Fact]
    public async Task Should_report_each_order_of_a_mass_cancel_then_the_count()
    {
        var (client, _) = await LogonAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.SendAsync(Limit(Side.Buy, 1000 - (5 * i), 10));
            await client.ExpectAsync<ExecutionReport>();
        }

        await client.SendAsync(new MassCancel(60, Symbol));
        for (var i = 0; i < 3; i++)
        {
            var cancelled = await client.ExpectAsync<ExecutionReport>();
            Assert.Equal((ExecType.Cancelled, 60L, CancelReason.MassCancel), (cancelled.ExecType, cancelled.ClientOrderId, cancelled.CancelReason));
        }

        var done = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.MassCancelDone, 60L, 3L), (done.ExecType, done.ClientOrderId, done.Quantity));
        Assert.Empty(OrdersInBook().Orders);
    }

    [Fact]
    public async Task Should_answer_an_order_status_request_for_a_resting_order_and_reject_an_unknown_one()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Sell, 1005, 40, clientOrderId: 71));
        var accepted = await client.ExpectAsync<ExecutionReport>();

        await client.SendAsync(new OrderStatusRequest(72, Symbol, accepted.OrderId));
        var status = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Status, 72L, accepted.OrderId, Side.Sell, 1005L, 40L, 40L), (status.ExecType, status.ClientOrderId, status.OrderId, status.Side, status.Price, status.Quantity, status.LeavesQuantity));

        await client.SendAsync(new OrderStatusRequest(73, Symbol, 12345));
        var unknown = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Rejected, RejectReason.UnknownOrder, 73L), (unknown.ExecType, unknown.RejectReason, unknown.ClientOrderId));
    }

    [Fact]
    public async Task Should_not_show_another_accounts_order_in_a_status_answer()
    {
        var (owner, _) = await LogonAsync("key-1");
        var (other, _) = await LogonAsync("key-2");
        await owner.SendAsync(Limit(Side.Sell, 1005, 40));
        var accepted = await owner.ExpectAsync<ExecutionReport>();

        await other.SendAsync(new OrderStatusRequest(74, Symbol, accepted.OrderId));
        Assert.Equal(RejectReason.UnknownOrder, (await other.ExpectAsync<ExecutionReport>()).RejectReason);
    }

    [Fact]
    public async Task Should_report_the_expiry_of_a_good_till_date_order()
    {
        var (client, _) = await LogonAsync();
        var expireAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000;
        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 81, TimeInForce.Gtd, expireAt));
        var accepted = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal(ExecType.Accepted, accepted.ExecType);

        var expired = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Expired, 81L, accepted.OrderId, 10L, 0L), (expired.ExecType, expired.ClientOrderId, expired.OrderId, expired.Quantity, expired.LeavesQuantity));
    }

    [Fact]
    public async Task Should_answer_a_repeated_client_order_id_with_the_original_order()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Buy, 1000, 30, clientOrderId: 91));
        var first = await client.ExpectAsync<ExecutionReport>();

        await client.SendAsync(Limit(Side.Buy, 1000, 30, clientOrderId: 91));
        var second = await client.ExpectAsync<ExecutionReport>();
        Assert.Equal((ExecType.Accepted, first.OrderId), (second.ExecType, second.OrderId));
        Assert.Single(OrdersInBook().Orders);
    }

    [Fact]
    public async Task Should_report_both_sides_of_a_trade_against_the_sessions_own_resting_order()
    {
        var (client, _) = await LogonAsync();
        await client.SendAsync(Limit(Side.Sell, 1000, 10, clientOrderId: 95));
        var resting = await client.ExpectAsync<ExecutionReport>();

        await client.SendAsync(Limit(Side.Buy, 1000, 10, clientOrderId: 96));
        var reports = new List<ExecutionReport>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await client.ExpectAsync<ExecutionReport>());
        }

        Assert.Contains(reports, r => r is { ExecType: ExecType.Accepted, ClientOrderId: 96 });
        Assert.Contains(reports, r => r is { ExecType: ExecType.Fill, ClientOrderId: 96, Side: Side.Buy });
        Assert.Contains(reports, r => r.ExecType == ExecType.Fill && r.ClientOrderId == 95 && r.OrderId == resting.OrderId && r.Side == Side.Sell);
    }
}
