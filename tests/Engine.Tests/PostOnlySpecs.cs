using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class PostOnlySpecs
{
    [Fact]
    public void Should_rest_a_post_only_order_that_does_not_cross()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 100_00, 5, Given.Alice, postOnly: true);

        Then.Events(events, "Accepted #2 Buy 5@10000");
        Assert.True(events[0].PostOnly);
        Assert.True(book.Book.TryGetOrder(2, out var order));
        Assert.True(order.PostOnly);
    }

    [Fact]
    public void Should_rest_a_post_only_order_when_the_opposite_side_is_empty()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 5, Given.Bob);

        var events = book.Limit(Side.Buy, 1_000_00, 5, Given.Alice, postOnly: true);

        Then.Events(events, "Accepted #2 Buy 5@100000");
        Assert.Equal(2, book.Book.OrderCount);
    }

    [Theory]
    [InlineData(101_00)]
    [InlineData(102_00)]
    public void Should_reject_a_post_only_buy_at_or_above_the_best_ask(long price)
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        var before = book.Orders();

        var events = book.Limit(Side.Buy, price, 5, Given.Alice, postOnly: true);

        Then.Events(events, "Rejected Place PostOnlyWouldCross");
        Assert.Equal(price, events[0].Price);
        Assert.Equal(before, book.Orders());
    }

    [Theory]
    [InlineData(100_00)]
    [InlineData(99_00)]
    public void Should_reject_a_post_only_sell_at_or_below_the_best_bid(long price)
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 100_00, 5, Given.Bob);

        var events = book.Limit(Side.Sell, price, 5, Given.Alice, postOnly: true);

        Then.Events(events, "Rejected Place PostOnlyWouldCross");
        Then.Orders(book, "Buy #1 5@10000");
    }

    [Fact]
    public void Should_allow_post_only_on_a_good_till_date_order()
    {
        var book = Given.Book();

        var events = book.Limit(Side.Buy, 100_00, 5, Given.Alice, TimeInForce.Gtd, postOnly: true, expireAt: Given.T0 + 1);

        Then.Events(events, "Accepted #1 Buy 5@10000");
        Assert.True(events[0].PostOnly);
    }

    [Theory]
    [InlineData(OrderType.Limit, TimeInForce.Ioc)]
    [InlineData(OrderType.Limit, TimeInForce.Fok)]
    [InlineData(OrderType.Market, TimeInForce.Ioc)]
    [InlineData(OrderType.Market, TimeInForce.Fok)]
    public void Should_refuse_post_only_on_an_order_that_cannot_rest(OrderType type, TimeInForce tif)
    {
        var book = Given.Book();

        var events = book.Process(OrderCommand.Limit(Given.Alice, 1, Side.Buy, 100_00, 5, Given.T0, tif, postOnly: true) with { OrderType = type });

        Then.Events(events, "Rejected Place PostOnlyNotAllowed");
    }

    [Fact]
    public void Should_reject_an_amend_that_would_make_a_post_only_order_cross_and_keep_the_order()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        var id = book.Rest(Side.Buy, 100_00, 5, Given.Alice, postOnly: true);

        var events = book.Amend(Given.Alice, id, 101_00, 5);

        Then.Events(events, "Rejected Amend PostOnlyWouldCross");
        Assert.Equal(id, events[0].OrderId);
        Then.Orders(book, "Buy #2 5@10000", "Sell #1 5@10100");
    }

    [Fact]
    public void Should_reprice_a_post_only_order_that_stays_passive()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        var id = book.Rest(Side.Buy, 100_00, 5, Given.Alice, postOnly: true);

        var events = book.Amend(Given.Alice, id, 101_00 - 1, 5);

        Then.Events(events, "Amended #2 5->5@10099");
        Assert.True(events[0].PostOnly);
    }

    [Fact]
    public void Should_apply_the_cross_check_to_a_plain_order_only_when_it_is_post_only()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 101_00, 5, Given.Bob);
        var id = book.Rest(Side.Buy, 100_00, 5, Given.Alice);

        var events = book.Amend(Given.Alice, id, 101_00, 5);

        Then.Events(events, "Amended #2 5->5@10100", "Trade #1 5@10100 taker #2 leaves 0 maker #1 leaves 0");
    }
}
