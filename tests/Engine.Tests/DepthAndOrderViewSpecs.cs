using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class DepthAndOrderViewSpecs
{
    private static BookFixture TwoSidedBook()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 99_00, 10, Given.Alice);  // #1
        book.Rest(Side.Buy, 100_00, 5, Given.Bob);    // #2
        book.Rest(Side.Buy, 100_00, 7, Given.Carol);  // #3
        book.Rest(Side.Buy, 98_00, 1, Given.Alice);   // #4
        book.Rest(Side.Sell, 102_00, 4, Given.Bob);   // #5
        book.Rest(Side.Sell, 101_00, 6, Given.Carol); // #6
        book.Rest(Side.Sell, 101_00, 2, Given.Alice); // #7
        return book;
    }

    [Fact]
    public void Should_have_no_best_level_on_an_empty_side()
    {
        var book = Given.Book();

        Assert.False(book.Book.TryGetBest(Side.Buy, out var bid));
        Assert.False(book.Book.TryGetBest(Side.Sell, out var ask));
        Assert.Equal(default, bid);
        Assert.Equal(default, ask);
    }

    [Fact]
    public void Should_show_the_highest_bid_and_the_lowest_ask_with_their_totals()
    {
        var book = TwoSidedBook();

        Assert.True(book.Book.TryGetBest(Side.Buy, out var bid));
        Assert.True(book.Book.TryGetBest(Side.Sell, out var ask));

        Assert.Equal(new PriceLevelView(100_00, 12, 2), bid);
        Assert.Equal(new PriceLevelView(101_00, 8, 2), ask);
    }

    [Fact]
    public void Should_write_the_levels_best_first_into_the_destination()
    {
        var book = TwoSidedBook();
        var bids = new PriceLevelView[10];
        var asks = new PriceLevelView[10];

        var bidCount = book.Book.GetDepth(Side.Buy, bids);
        var askCount = book.Book.GetDepth(Side.Sell, asks);

        Assert.Equal([new(100_00, 12, 2), new(99_00, 10, 1), new(98_00, 1, 1)], bids[..bidCount]);
        Assert.Equal([new(101_00, 8, 2), new(102_00, 4, 1)], asks[..askCount]);
    }

    [Fact]
    public void Should_write_no_more_levels_than_the_destination_holds()
    {
        var book = TwoSidedBook();
        var top = new PriceLevelView[2];

        var count = book.Book.GetDepth(Side.Buy, top);

        Assert.Equal(2, count);
        Assert.Equal([new(100_00, 12, 2), new(99_00, 10, 1)], top);
        Assert.Equal(0, book.Book.GetDepth(Side.Sell, []));
    }

    [Fact]
    public void Should_reflect_partial_fills_and_reductions_in_the_level_totals()
    {
        var book = TwoSidedBook();
        book.Limit(Side.Sell, 100_00, 3, Given.Bob);
        book.Amend(Given.Carol, 3, 100_00, 4);

        Assert.True(book.Book.TryGetBest(Side.Buy, out var bid));

        Assert.Equal(new PriceLevelView(100_00, 6, 2), bid);
    }

    [Fact]
    public void Should_list_the_orders_of_a_side_in_priority_order()
    {
        var book = TwoSidedBook();

        var bids = book.Book.GetOrders(Side.Buy);
        var asks = book.Book.GetOrders(Side.Sell);

        Assert.Equal([2L, 3L, 1L, 4L], bids.Select(o => o.OrderId));
        Assert.Equal([6L, 7L, 5L], asks.Select(o => o.OrderId));
        Assert.Equal(new BookOrder(7, Given.Alice, 0, Side.Sell, TimeInForce.Gtc, SelfTradePrevention.None, false, 101_00, 2, 0), asks[1]);
    }

    [Theory]
    [InlineData(0, new long[0])]
    [InlineData(1, new long[] { 2 })]
    [InlineData(3, new long[] { 2, 3, 1 })]
    [InlineData(4, new long[] { 2, 3, 1, 4 })]
    [InlineData(100, new long[] { 2, 3, 1, 4 })]
    public void Should_list_at_most_the_requested_number_of_orders(int maxOrders, long[] expectedIds)
    {
        var book = TwoSidedBook();

        var bids = book.Book.GetOrders(Side.Buy, maxOrders);

        Assert.Equal(expectedIds, bids.Select(o => o.OrderId));
    }

    [Fact]
    public void Should_find_a_resting_order_by_id()
    {
        var book = Given.Book();
        var id = book.Rest(Side.Sell, 101_00, 6, Given.Carol, TimeInForce.Gtd, postOnly: true, SelfTradePrevention.CancelOldest, Given.T0 + 9, clientOrderId: 66);

        Assert.True(book.Book.TryGetOrder(id, out var order));

        Assert.Equal(new BookOrder(id, Given.Carol, 66, Side.Sell, TimeInForce.Gtd, SelfTradePrevention.CancelOldest, true, 101_00, 6, Given.T0 + 9), order);
    }

    [Fact]
    public void Should_not_find_an_order_that_is_not_resting()
    {
        var book = TwoSidedBook();
        book.Cancel(Given.Alice, 1);

        Assert.False(book.Book.TryGetOrder(1, out var cancelled));
        Assert.False(book.Book.TryGetOrder(999, out var unknown));
        Assert.Equal(default, cancelled);
        Assert.Equal(default, unknown);
    }

    [Fact]
    public void Should_expose_the_instrument_and_the_counters()
    {
        var spec = Given.Spec("SOL-USD");
        var book = Given.Book(spec);
        book.Rest(Side.Buy, 99_00, 10, Given.Alice);
        book.Rest(Side.Sell, 101_00, 10, Given.Bob);
        book.Limit(Side.Buy, 0, 1, Given.Carol);

        Assert.Same(spec, book.Book.Spec);
        Assert.Equal("SOL-USD", book.Book.Symbol);
        Assert.Equal(3, book.Book.Sequence);
        Assert.Equal(2, book.Book.OrderCount);
        Assert.Equal(0, book.Book.LastTradePrice);
        Assert.Equal(0, book.Book.ReferencePrice);
    }
}
