using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class TimeInForceSpecs
{
    [Fact]
    public void Should_cancel_the_unfilled_remainder_of_an_immediate_or_cancel_order()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 4, Given.Bob);
        book.Rest(Side.Sell, 102_00, 4, Given.Bob);

        var events = book.Limit(Side.Buy, 101_00, 10, Given.Alice, TimeInForce.Ioc);

        Then.Events(
            events,
            "Accepted #3 Buy 10@10100",
            "Trade #1 4@10000 taker #3 leaves 6 maker #1 leaves 0",
            "Cancelled #3 ImmediateRemainder 6");
        Assert.Equal(101_00, events[^1].Price);
        Assert.Equal(0, events[^1].LeavesQuantity);
        Assert.Equal(TimeInForce.Ioc, events[^1].TimeInForce);
        Then.Orders(book, "Sell #2 4@10200");
    }

    [Fact]
    public void Should_emit_no_cancel_when_an_immediate_or_cancel_order_fills_completely()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 10, Given.Bob);

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Ioc);

        Then.Events(
            events,
            "Accepted #2 Buy 10@10000",
            "Trade #1 10@10000 taker #2 leaves 0 maker #1 leaves 0");
    }

    [Fact]
    public void Should_never_rest_an_immediate_or_cancel_order()
    {
        var book = Given.Book();

        var events = book.Limit(Side.Sell, 100_00, 10, Given.Alice, TimeInForce.Ioc);

        Then.Events(events, "Accepted #1 Sell 10@10000", "Cancelled #1 ImmediateRemainder 10");
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Theory]
    [InlineData(TimeInForce.Gtc)]
    [InlineData(TimeInForce.Gtd)]
    public void Should_rest_the_remainder_of_an_order_that_is_good_till_cancelled_or_date(TimeInForce tif)
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 4, Given.Bob);

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, tif, expireAt: Given.T0 + 10);

        Then.Events(
            events,
            "Accepted #2 Buy 10@10000",
            "Trade #1 4@10000 taker #2 leaves 6 maker #1 leaves 0");
        Then.Orders(book, "Buy #2 6@10000");
    }

    [Fact]
    public void Should_fill_a_fill_or_kill_order_completely_across_levels_and_orders()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 4, Given.Bob);
        book.Rest(Side.Sell, 100_00, 3, Given.Carol);
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 101_00, 12, Given.Alice, TimeInForce.Fok);

        Then.Events(
            events,
            "Accepted #4 Buy 12@10100",
            "Trade #1 4@10000 taker #4 leaves 8 maker #1 leaves 0",
            "Trade #2 3@10000 taker #4 leaves 5 maker #2 leaves 0",
            "Trade #3 5@10100 taker #4 leaves 0 maker #3 leaves 0");
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Fact]
    public void Should_kill_a_fill_or_kill_order_that_cannot_fill_completely_and_change_nothing()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 4, Given.Bob);
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        var before = book.Book.Export();

        var events = book.Limit(Side.Buy, 101_00, 10, Given.Alice, TimeInForce.Fok, clientOrderId: 8);

        Then.Events(events, "Accepted #3 Buy 10@10100", "Cancelled #3 FillOrKillUnfilled 10");
        Assert.Equal(8, events[1].ClientOrderId);
        Assert.Equal(0, events[1].LeavesQuantity);
        Assert.Equal(TimeInForce.Fok, events[1].TimeInForce);
        Assert.Equal(before.Orders, book.Book.Export().Orders);
        Assert.Equal(0, book.Book.LastTradePrice);

        var next = book.Limit(Side.Buy, 100_00, 1, Given.Carol);
        Then.Events(next, "Accepted #4 Buy 1@10000", "Trade #1 1@10000 taker #4 leaves 0 maker #1 leaves 3");
    }

    [Fact]
    public void Should_not_count_liquidity_beyond_the_limit_price_of_a_fill_or_kill_order()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 4, Given.Bob);
        book.Rest(Side.Buy, 99_00, 100, Given.Bob);

        var events = book.Limit(Side.Sell, 100_00, 5, Given.Alice, TimeInForce.Fok);

        Then.Events(events, "Accepted #3 Sell 5@10000", "Cancelled #3 FillOrKillUnfilled 5");
        Then.Orders(book, "Buy #1 4@10000", "Buy #2 100@9900");
    }

    [Fact]
    public void Should_count_every_level_for_a_market_fill_or_kill_order()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 4, Given.Bob);
        book.Rest(Side.Buy, 1_00, 6, Given.Carol);

        var events = book.Market(Side.Sell, 10, Given.Alice, TimeInForce.Fok);

        Then.Events(
            events,
            "Accepted #3 Sell 10@0",
            "Trade #1 4@10000 taker #3 leaves 6 maker #1 leaves 0",
            "Trade #2 6@100 taker #3 leaves 0 maker #2 leaves 0");
    }

    [Fact]
    public void Should_kill_a_market_fill_or_kill_order_larger_than_the_whole_side()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 4, Given.Bob);
        book.Rest(Side.Buy, 1_00, 6, Given.Carol);

        var events = book.Market(Side.Sell, 11, Given.Alice, TimeInForce.Fok);

        Then.Events(events, "Accepted #3 Sell 11@0", "Cancelled #3 FillOrKillUnfilled 11");
        Assert.Equal(0, events[1].Price);
        Assert.Equal(2, book.Book.OrderCount);
    }

    [Fact]
    public void Should_not_count_own_orders_for_fill_or_kill_with_cancel_oldest()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Alice);
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Fok, stp: SelfTradePrevention.CancelOldest);

        Then.Events(events, "Accepted #3 Buy 10@10000", "Cancelled #3 FillOrKillUnfilled 10");
        Then.Orders(book, "Sell #1 5@10000", "Sell #2 5@10000");
    }

    [Fact]
    public void Should_skip_own_orders_for_fill_or_kill_with_cancel_oldest_and_cancel_them_while_filling()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Alice);
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 101_00, 10, Given.Alice, TimeInForce.Fok, stp: SelfTradePrevention.CancelOldest);

        Then.Events(
            events,
            "Accepted #4 Buy 10@10100",
            "Cancelled #1 SelfTradePrevention 5",
            "Trade #1 5@10000 taker #4 leaves 5 maker #2 leaves 0",
            "Trade #2 5@10100 taker #4 leaves 0 maker #3 leaves 0");
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Theory]
    [InlineData(SelfTradePrevention.CancelNewest)]
    [InlineData(SelfTradePrevention.CancelBoth)]
    public void Should_end_the_fill_or_kill_walk_at_the_first_own_order_when_it_would_stop_the_taker(SelfTradePrevention stp)
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 100_00, 5, Given.Alice);
        book.Rest(Side.Sell, 100_00, 50, Given.Carol);

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Fok, stp: stp);

        Then.Events(events, "Accepted #4 Buy 10@10000", "Cancelled #4 FillOrKillUnfilled 10");
        Assert.Equal(3, book.Book.OrderCount);
    }

    [Theory]
    [InlineData(SelfTradePrevention.CancelNewest)]
    [InlineData(SelfTradePrevention.CancelBoth)]
    public void Should_fill_a_fill_or_kill_order_when_enough_was_counted_before_the_first_own_order(SelfTradePrevention stp)
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);
        book.Rest(Side.Sell, 100_00, 5, Given.Alice);

        var events = book.Limit(Side.Buy, 100_00, 5, Given.Alice, TimeInForce.Fok, stp: stp);

        Then.Events(events, "Accepted #3 Buy 5@10000", "Trade #1 5@10000 taker #3 leaves 0 maker #1 leaves 0");
        Then.Orders(book, "Sell #2 5@10000");
    }

    [Fact]
    public void Should_count_own_orders_for_fill_or_kill_without_self_trade_prevention()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 100_00, 5, Given.Alice);
        book.Rest(Side.Sell, 100_00, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 100_00, 10, Given.Alice, TimeInForce.Fok);

        Then.Events(
            events,
            "Accepted #3 Buy 10@10000",
            "Trade #1 5@10000 taker #3 leaves 5 maker #1 leaves 0",
            "Trade #2 5@10000 taker #3 leaves 0 maker #2 leaves 0");
    }

    [Fact]
    public void Should_kill_a_fill_or_kill_order_against_an_empty_side()
    {
        var book = Given.Book();

        var events = book.Limit(Side.Buy, 100_00, 1, Given.Alice, TimeInForce.Fok);

        Then.Events(events, "Accepted #1 Buy 1@10000", "Cancelled #1 FillOrKillUnfilled 1");
    }
}
