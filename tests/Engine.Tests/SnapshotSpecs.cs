using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class SnapshotSpecs
{
    [Fact]
    public void Should_export_an_empty_book_with_initial_counters()
    {
        var book = new OrderBook(Given.Spec());

        var snapshot = book.Export();

        Assert.Equal("BTC-USD", snapshot.Symbol);
        Assert.Equal(0, snapshot.Sequence);
        Assert.Equal(1, snapshot.NextOrderId);
        Assert.Equal(1, snapshot.NextTradeId);
        Assert.Equal(0, snapshot.LastTradePrice);
        Assert.Empty(snapshot.Orders);
    }

    [Fact]
    public void Should_export_the_counters_and_every_order_bids_then_asks_best_first_oldest_first()
    {
        var book = Given.Book();
        book.Rest(Side.Sell, 102_00, 1, Given.Bob);                                                   // #1
        book.Rest(Side.Buy, 99_00, 2, Given.Alice);                                                   // #2
        book.Rest(Side.Sell, 101_00, 3, Given.Carol, TimeInForce.Gtd, expireAt: Given.T0 + 5);        // #3
        book.Rest(Side.Buy, 100_00, 4, Given.Bob, postOnly: true, stp: SelfTradePrevention.CancelBoth); // #4
        book.Rest(Side.Buy, 99_00, 5, Given.Carol);                                                   // #5
        book.Rest(Side.Sell, 101_00, 8, Given.Alice);                                                 // #6
        book.Limit(Side.Sell, 100_00, 1, Given.Alice);                                                // #7 trades with #4

        var snapshot = book.Book.Export();

        Assert.Equal(8, snapshot.Sequence);
        Assert.Equal(8, snapshot.NextOrderId);
        Assert.Equal(2, snapshot.NextTradeId);
        Assert.Equal(100_00, snapshot.LastTradePrice);
        Assert.Equal(
            [
                new BookOrder(4, Given.Bob, 0, Side.Buy, TimeInForce.Gtc, SelfTradePrevention.CancelBoth, true, 100_00, 3, 0),
                new BookOrder(2, Given.Alice, 0, Side.Buy, TimeInForce.Gtc, SelfTradePrevention.None, false, 99_00, 2, 0),
                new BookOrder(5, Given.Carol, 0, Side.Buy, TimeInForce.Gtc, SelfTradePrevention.None, false, 99_00, 5, 0),
                new BookOrder(3, Given.Carol, 0, Side.Sell, TimeInForce.Gtd, SelfTradePrevention.None, false, 101_00, 3, Given.T0 + 5),
                new BookOrder(6, Given.Alice, 0, Side.Sell, TimeInForce.Gtc, SelfTradePrevention.None, false, 101_00, 8, 0),
                new BookOrder(1, Given.Bob, 0, Side.Sell, TimeInForce.Gtc, SelfTradePrevention.None, false, 102_00, 1, 0),
            ],
            snapshot.Orders);
    }

    [Fact]
    public void Should_import_an_exported_book_with_equal_content_and_state_hash()
    {
        var live = Given.Book();
        live.PlayBusyDay();
        live.Rest(Side.Buy, 90_00, 3, Given.Alice, TimeInForce.Gtd, expireAt: live.Now + 1_000);

        var restored = OrderBook.Import(live.Book.Spec, live.Book.Export());

        Assert.True(restored.Export().ContentEquals(live.Book.Export()));
        Assert.Equal(live.Book.ComputeStateHash(), restored.ComputeStateHash());
        Assert.Equal(live.Book.Sequence, restored.Sequence);
        Assert.Equal(live.Book.OrderCount, restored.OrderCount);
        Assert.Equal(live.Book.LastTradePrice, restored.LastTradePrice);
    }

    [Fact]
    public void Should_behave_like_the_exported_book_after_import()
    {
        var live = Given.Book();
        live.PlayBusyDay();
        live.Rest(Side.Buy, 95_00, 3, Given.Alice, TimeInForce.Gtd, expireAt: live.Now + 1_000);
        live.Rest(Side.Sell, 97_00, 3, Given.Bob);
        var imported = OrderBook.Import(live.Book.Spec, live.Book.Export());

        OrderCommand[] next =
        [
            OrderCommand.Market(Given.Carol, 1, Side.Sell, 2, live.Now + 1),
            OrderCommand.Limit(Given.Carol, 2, Side.Buy, 97_00, 10, live.Now + 2),
            OrderCommand.AdvanceTime(live.Now + 1_000),
        ];
        foreach (var command in next)
        {
            var expected = live.Process(command);
            var buffer = new OrderEventBuffer();
            imported.Process(command, buffer);
            Assert.Equal(expected, buffer.ToArray());
        }

        Assert.Equal(live.Book.ComputeStateHash(), imported.ComputeStateHash());
    }

    [Fact]
    public void Should_refuse_a_snapshot_of_another_symbol()
    {
        var snapshot = new OrderBook(Given.Spec("ETH-USD")).Export();

        var error = Assert.Throws<ArgumentException>(() => OrderBook.Import(Given.Spec("BTC-USD"), snapshot));

        Assert.Equal("snapshot", error.ParamName);
        Assert.Contains("snapshot of ETH-USD cannot be imported into a book of BTC-USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_missing_spec_or_snapshot()
    {
        var snapshot = new OrderBook(Given.Spec()).Export();

        Assert.Throws<ArgumentNullException>(() => OrderBook.Import(null!, snapshot));
        Assert.Throws<ArgumentNullException>(() => OrderBook.Import(Given.Spec(), null!));
    }

    [Fact]
    public void Should_compare_snapshots_by_content()
    {
        var book = Given.Book();
        book.Rest(Side.Buy, 99_00, 2, Given.Alice);
        book.Rest(Side.Sell, 101_00, 2, Given.Bob);
        var snapshot = book.Book.Export();
        var orders = snapshot.Orders;
        var copy = snapshot with { Orders = [.. orders] };

        Assert.True(snapshot.ContentEquals(copy));
        Assert.False(snapshot.ContentEquals(null));
        Assert.False(snapshot.ContentEquals(copy with { Symbol = "ETH-USD" }));
        Assert.False(snapshot.ContentEquals(copy with { Sequence = 3 }));
        Assert.False(snapshot.ContentEquals(copy with { NextOrderId = 4 }));
        Assert.False(snapshot.ContentEquals(copy with { NextTradeId = 2 }));
        Assert.False(snapshot.ContentEquals(copy with { LastTradePrice = 100_00 }));
        Assert.False(snapshot.ContentEquals(copy with { Orders = [orders[0]] }));
        Assert.False(snapshot.ContentEquals(copy with { Orders = [orders[1], orders[0]] }));
        Assert.False(snapshot.ContentEquals(copy with { Orders = [orders[0], orders[1] with { LeavesQuantity = 1 }] }));
    }

    [Fact]
    public void Should_hash_equal_books_equally_and_different_books_differently()
    {
        static BookFixture Build(long secondAccount, long secondQuantity)
        {
            var book = Given.Book();
            book.Rest(Side.Buy, 99_00, 2, Given.Alice);
            book.Rest(Side.Buy, 99_00, secondQuantity, secondAccount);
            return book;
        }

        var a = Build(Given.Bob, 3).Book.ComputeStateHash();
        var same = Build(Given.Bob, 3).Book.ComputeStateHash();
        var otherAccount = Build(Given.Carol, 3).Book.ComputeStateHash();
        var otherQuantity = Build(Given.Bob, 4).Book.ComputeStateHash();

        Assert.Equal(a, same);
        Assert.NotEqual(a, otherAccount);
        Assert.NotEqual(a, otherQuantity);
    }

    [Fact]
    public void Should_hash_the_time_priority_of_the_orders()
    {
        var first = Given.Book();
        first.Rest(Side.Sell, 101_00, 2, Given.Alice);
        first.Rest(Side.Sell, 101_00, 2, Given.Bob);
        var second = Given.Book();
        second.Rest(Side.Sell, 101_00, 2, Given.Bob);
        second.Rest(Side.Sell, 101_00, 2, Given.Alice);

        Assert.NotEqual(first.Book.ComputeStateHash(), second.Book.ComputeStateHash());
    }

    [Fact]
    public void Should_change_the_hash_with_every_event_even_a_reject()
    {
        var book = Given.Book();
        var empty = book.Book.ComputeStateHash();
        book.Limit(Side.Buy, 0, 1, Given.Alice);
        var afterReject = book.Book.ComputeStateHash();

        Assert.NotEqual(empty, afterReject);
        Assert.Equal(afterReject, book.Book.ComputeStateHash());
    }

    [Fact]
    public void Should_import_into_a_book_with_small_pools()
    {
        var live = Given.Book();
        for (var i = 0; i < 100; i++)
        {
            live.Rest(Side.Buy, 50_00 + i, 1, Given.Alice);
            live.Rest(Side.Sell, 200_00 - i, 1, Given.Bob);
        }

        var restored = OrderBook.Import(live.Book.Spec, live.Book.Export(), new OrderBookOptions { InitialOrderCapacity = 1, InitialLevelCapacity = 1 });

        Assert.Equal(live.Book.ComputeStateHash(), restored.ComputeStateHash());
    }

    [Fact]
    public void Should_refuse_a_snapshot_that_lists_an_order_twice()
    {
        var order = new BookOrder(1, Given.Alice, 0, Side.Buy, TimeInForce.Gtc, SelfTradePrevention.None, false, 99_00, 1, 0);
        var snapshot = new BookSnapshot { Symbol = "BTC-USD", Sequence = 1, NextOrderId = 2, Orders = [order, order] };

        var error = Assert.Throws<ArgumentException>(() => OrderBook.Import(Given.Spec(), snapshot));

        Assert.Contains("lists order 1 twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_crossed_snapshot()
    {
        var bid = new BookOrder(1, Given.Alice, 0, Side.Buy, TimeInForce.Gtc, SelfTradePrevention.None, false, 101_00, 1, 0);
        var ask = new BookOrder(2, Given.Bob, 0, Side.Sell, TimeInForce.Gtc, SelfTradePrevention.None, false, 100_00, 1, 0);
        var snapshot = new BookSnapshot { Symbol = "BTC-USD", Sequence = 2, NextOrderId = 3, Orders = [bid, ask] };

        var error = Assert.Throws<ArgumentException>(() => OrderBook.Import(Given.Spec(), snapshot));

        Assert.Contains("is crossed", error.Message, StringComparison.Ordinal);
    }
}
