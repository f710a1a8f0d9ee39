using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class MatchingSpecs
{
    [Fact]
    public void Should_trade_at_the_makers_price()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 10, Given.Bob);

        var events = book.Limit(Side.Buy, 105_00, 10, Given.Alice);

        Then.Events(
            events,
            "Accepted #2 Buy 10@10500",
            "Trade #1 10@10000 taker #2 leaves 0 maker #1 leaves 0");
        Assert.Empty(book.Orders());
    }

    [Fact]
    public void Should_describe_the_taker_and_the_maker_in_a_trade()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 10, Given.Bob, clientOrderId: 501);
        book.Now = Given.T0 + 7;

        var events = book.Limit(Side.Buy, 100_00, 4, Given.Alice, stp: SelfTradePrevention.CancelBoth, clientOrderId: 601);

        Assert.Equal(
            new OrderEvent
            {
                Type = EventType.Trade,
                Sequence = 3,
                Timestamp = Given.T0 + 7,
                OrderId = 2,
                AccountId = Given.Alice,
                ClientOrderId = 601,
                Side = Side.Buy,
                OrderType = OrderType.Limit,
                TimeInForce = TimeInForce.Gtc,
                SelfTradePrevention = SelfTradePrevention.CancelBoth,
                Price = 100_00,
                Quantity = 4,
                LeavesQuantity = 0,
                TradeId = 1,
                MakerOrderId = 1,
                MakerAccountId = Given.Bob,
                MakerClientOrderId = 501,
                MakerLeavesQuantity = 6,
            },
            events[1]);
    }

    [Fact]
    public void Should_fill_the_oldest_order_of_a_level_first()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 100_00, 5, Given.Carol);

        var events = book.Limit(Side.Buy, 100_00, 7, Given.Alice);

        Then.Events(
            events,
            "Accepted #3 Buy 7@10000",
            "Trade #1 5@10000 taker #3 leaves 2 maker #1 leaves 0",
            "Trade #2 2@10000 taker #3 leaves 0 maker #2 leaves 3");
        Then.Orders(book, "Sell #2 3@10000");
    }

    [Fact]
    public void Should_sweep_price_levels_best_first_until_the_limit_and_rest_the_remainder()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 102_00, 5, Given.Bob);
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 101_00, 5, Given.Carol);
        book.Rest(Side.Sell, 103_00, 5, Given.Carol);

        var events = book.Limit(Side.Buy, 102_00, 20, Given.Alice);

        Then.Events(
            events,
            "Accepted #5 Buy 20@10200",
            "Trade #1 5@10000 taker #5 leaves 15 maker #2 leaves 0",
            "Trade #2 5@10100 taker #5 leaves 10 maker #3 leaves 0",
            "Trade #3 5@10200 taker #5 leaves 5 maker #1 leaves 0");
        Then.Orders(book, "Buy #5 5@10200", "Sell #4 5@10300");
    }

    [Fact]
    public void Should_match_a_sell_against_the_highest_bid_first()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 98_00, 5, Given.Bob);
        book.Rest(Side.Buy, 100_00, 5, Given.Bob);
        book.Rest(Side.Buy, 99_00, 5, Given.Carol);

        var events = book.Limit(Side.Sell, 99_00, 8, Given.Alice);

        Then.Events(
            events,
            "Accepted #4 Sell 8@9900",
            "Trade #1 5@10000 taker #4 leaves 3 maker #2 leaves 0",
            "Trade #2 3@9900 taker #4 leaves 0 maker #3 leaves 2");
        Then.Orders(book, "Buy #3 2@9900", "Buy #1 5@9800");
    }

    [Fact]
    public void Should_cross_when_the_limit_equals_the_best_opposite_price()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 5, Given.Bob);

        var events = book.Limit(Side.Sell, 100_00, 5, Given.Alice);

        Then.Events(
            events,
            "Accepted #2 Sell 5@10000",
            "Trade #1 5@10000 taker #2 leaves 0 maker #1 leaves 0");
    }

    [Fact]
    public void Should_not_trade_when_the_limit_does_not_reach_the_best_opposite_price()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_01, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 100_00, 5, Given.Alice);

        Then.Events(events, "Accepted #2 Buy 5@10000");
        Then.Orders(book, "Buy #2 5@10000", "Sell #1 5@10001");
    }

    [Fact]
    public void Should_keep_a_partially_filled_maker_at_the_head_of_its_level()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 10, Given.Bob);
        book.Rest(Side.Sell, 100_00, 10, Given.Carol);
        book.Limit(Side.Buy, 100_00, 4, Given.Alice);

        var events = book.Limit(Side.Buy, 100_00, 8, Given.Alice);

        Then.Events(
            events,
            "Accepted #4 Buy 8@10000",
            "Trade #2 6@10000 taker #4 leaves 2 maker #1 leaves 0",
            "Trade #3 2@10000 taker #4 leaves 0 maker #2 leaves 8");
    }

    [Fact]
    public void Should_sweep_every_level_with_a_market_order_and_cancel_its_remainder()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 500_00, 5, Given.Carol);

        var events = book.Market(Side.Buy, 12, Given.Alice);

        Then.Events(
            events,
            "Accepted #3 Buy 12@0",
            "Trade #1 5@10000 taker #3 leaves 7 maker #1 leaves 0",
            "Trade #2 5@50000 taker #3 leaves 2 maker #2 leaves 0",
            "Cancelled #3 ImmediateRemainder 2");
        Assert.Equal(0, events[^1].Price);
        Assert.Equal(OrderType.Market, events[^1].OrderType);
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Fact]
    public void Should_cancel_a_market_order_that_meets_an_empty_book()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 5, Given.Bob);

        var events = book.Market(Side.Buy, 3, Given.Alice);

        Then.Events(events, "Accepted #2 Buy 3@0", "Cancelled #2 ImmediateRemainder 3");
        Then.Orders(book, "Buy #1 5@10000");
    }

    [Fact]
    public void Should_make_the_last_trade_price_the_reference_price()
    {
        var book = Given.Book(Given.Spec() with { ReferencePrice = 90_00 });
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        Assert.Equal(0, book.Book.LastTradePrice);
        Assert.Equal(90_00, book.Book.ReferencePrice);

        book.Limit(Side.Buy, 101_00, 8, Given.Alice);

        Assert.Equal(101_00, book.Book.LastTradePrice);
        Assert.Equal(101_00, book.Book.ReferencePrice);
    }

    [Fact]
    public void Should_trade_with_own_orders_when_self_trade_prevention_is_none()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Alice, stp: SelfTradePrevention.CancelBoth);

        var events = book.Limit(Side.Buy, 100_00, 5, Given.Alice, stp: SelfTradePrevention.None);

        Then.Events(
            events,
            "Accepted #2 Buy 5@10000",
            "Trade #1 5@10000 taker #2 leaves 0 maker #1 leaves 0");
        Assert.Equal(Given.Alice, events[1].MakerAccountId);
    }

    [Fact]
    public void Should_rest_a_good_till_date_remainder_with_its_expiry()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 100_00, 8, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 500);

        Then.Events(
            events,
            "Accepted #2 Buy 8@10000",
            "Trade #1 5@10000 taker #2 leaves 3 maker #1 leaves 0");
        Assert.Equal(Given.T0 + 500, events[1].ExpireAt);
        Assert.True(book.Book.TryGetOrder(2, out var rested));
        Assert.Equal(3, rested.LeavesQuantity);
        Assert.Equal(Given.T0 + 500, rested.ExpireAt);
    }

    [Fact]
    public void Should_continue_trade_ids_across_commands()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 10, Given.Bob);
        book.Limit(Side.Buy, 100_00, 3, Given.Alice);
        book.Limit(Side.Buy, 100_00, 3, Given.Carol);

        var events = book.Market(Side.Buy, 4, Given.Alice);

        Then.Events(events, "Accepted #4 Buy 4@0", "Trade #3 4@10000 taker #4 leaves 0 maker #1 leaves 0");
    }
}
