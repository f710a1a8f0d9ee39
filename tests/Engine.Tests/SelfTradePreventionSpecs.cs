using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class SelfTradePreventionSpecs
{
    private static BookFixture AliceThenBobAsking()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Alice, clientOrderId: 71); // #1
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);                      // #2
        return book;
    }

    [Fact]
    public void Should_cancel_the_resting_own_order_and_keep_matching_with_cancel_oldest()
    {
        var book = AliceThenBobAsking();

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, stp: SelfTradePrevention.CancelOldest);

        Then.Events(
            events,
            "Accepted #3 Buy 10@10000",
            "Cancelled #1 SelfTradePrevention 5",
            "Trade #1 5@10000 taker #3 leaves 5 maker #2 leaves 0");
        Then.Orders(book, "Buy #3 5@10000");
    }

    [Fact]
    public void Should_report_the_resting_orders_own_fields_when_cancelling_it()
    {
        var book = AliceThenBobAsking();

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, stp: SelfTradePrevention.CancelOldest, clientOrderId: 99);

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Cancelled,
                Sequence = 4,
                Timestamp = Given.T0,
                OrderId = 1,
                AccountId = Given.Alice,
                ClientOrderId = 71,
                Side = Side.Sell,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtc,
                SelfTradePrevention = SelfTradePrevention.None,
                Price = 100_00,
                Quantity = 5,
                LeavesQuantity = 0,
                CancelReason = CancelReason.SelfTradePrevention,
            },
            events[1]);
    }

    [Fact]
    public void Should_cancel_the_incoming_order_and_stop_with_cancel_newest()
    {
        var book = AliceThenBobAsking();

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, stp: SelfTradePrevention.CancelNewest);

        Then.Events(events, "Accepted #3 Buy 10@10000", "Cancelled #3 SelfTradePrevention 10");
        Assert.Equal(100_00, events[1].Price);
        Then.Orders(book, "Sell #1 5@10000", "Sell #2 5@10000");
    }

    [Fact]
    public void Should_cancel_only_the_remainder_after_trading_with_others_first_with_cancel_newest()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);   // #1
        book.Rest(Side.Sell, 100_00, 5, Given.Alice); // #2

        var events = book.Limit(Side.Buy, 100_00, 8, Given.Alice, stp: SelfTradePrevention.CancelNewest);

        Then.Events(
            events,
            "Accepted #3 Buy 8@10000",
            "Trade #1 5@10000 taker #3 leaves 3 maker #1 leaves 0",
            "Cancelled #3 SelfTradePrevention 3");
        Then.Orders(book, "Sell #2 5@10000");
    }

    [Fact]
    public void Should_cancel_the_resting_order_first_and_then_the_incoming_one_with_cancel_both()
    {
        var book = AliceThenBobAsking();

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, stp: SelfTradePrevention.CancelBoth);

        Then.Events(
            events,
            "Accepted #3 Buy 10@10000",
            "Cancelled #1 SelfTradePrevention 5",
            "Cancelled #3 SelfTradePrevention 10");
        Then.Orders(book, "Sell #2 5@10000");
    }

    [Theory]
    [InlineData(SelfTradePrevention.CancelNewest)]
    [InlineData(SelfTradePrevention.CancelOldest)]
    [InlineData(SelfTradePrevention.CancelBoth)]
    public void Should_trade_normally_with_other_accounts_whatever_the_mode(SelfTradePrevention stp)
    {
        var book = AliceThenBobAsking();

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Carol, stp: stp);

        Then.Events(
            events,
            "Accepted #3 Buy 10@10000",
            "Trade #1 5@10000 taker #3 leaves 5 maker #1 leaves 0",
            "Trade #2 5@10000 taker #3 leaves 0 maker #2 leaves 0");
    }

    [Fact]
    public void Should_apply_the_incoming_orders_mode_not_the_resting_orders()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 5, Given.Alice, stp: SelfTradePrevention.CancelNewest);

        var events = book.Limit(Side.Sell, 100_00, 5, Given.Alice, stp: SelfTradePrevention.None);

        Then.Events(events, "Accepted #2 Sell 5@10000", "Trade #1 5@10000 taker #2 leaves 0 maker #1 leaves 0");
    }

    [Fact]
    public void Should_report_price_zero_and_the_market_type_when_cancelling_a_market_order()
    {
        var book = AliceThenBobAsking();

        var events = book.Market(Side.Buy, 10, Given.Alice, stp: SelfTradePrevention.CancelNewest, clientOrderId: 5);

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Cancelled,
                Sequence = 4,
                Timestamp = Given.T0,
                OrderId = 3,
                AccountId = Given.Alice,
                ClientOrderId = 5,
                Side = Side.Buy,
                OrderType = OrderType.Market,
                TimeInForce = TimeInForce.Ioc,
                SelfTradePrevention = SelfTradePrevention.CancelNewest,
                Price = 0,
                Quantity = 10,
                LeavesQuantity = 0,
                CancelReason = CancelReason.SelfTradePrevention,
            },
            events[1]);
    }

    [Fact]
    public void Should_cancel_own_orders_on_every_level_and_then_the_immediate_remainder()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 101_00, 5, Given.Alice); // #1
        book.Rest(Side.Buy, 100_00, 5, Given.Bob);   // #2
        book.Rest(Side.Buy, 100_00, 5, Given.Alice); // #3
        book.Rest(Side.Buy, 99_00, 5, Given.Alice);  // #4

        var events = book.Limit(Side.Sell, 100_00, 10, Given.Alice, TimeInForce.Ioc, stp: SelfTradePrevention.CancelOldest);

        Then.Events(
            events,
            "Accepted #5 Sell 10@10000",
            "Cancelled #1 SelfTradePrevention 5",
            "Trade #1 5@10000 taker #5 leaves 5 maker #2 leaves 0",
            "Cancelled #3 SelfTradePrevention 5",
            "Cancelled #5 ImmediateRemainder 5");
        Then.Orders(book, "Buy #4 5@9900");
    }

    [Fact]
    public void Should_not_rest_a_good_till_cancelled_order_stopped_by_self_trade_prevention()
    {
        var book = AliceThenBobAsking();

        book.Limit(Side.Buy, 100_00, 10, Given.Alice, stp: SelfTradePrevention.CancelNewest);

        Assert.False(book.Book.TryGetOrder(3, out _));
        Assert.False(book.Book.TryGetBest(Side.Buy, out _));
    }
}
