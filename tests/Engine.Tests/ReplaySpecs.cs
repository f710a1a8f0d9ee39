using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class ReplaySpecs
{
    private static OrderBook Replay(IEnumerable<OrderEvent> events, OrderBook? into = null)
    {
        var book = into ?? new OrderBook(Given.Spec());
        foreach (var e in events)
        {
            book.Apply(e);
        }

        return book;
    }

    [Fact]
    public void Should_exercise_every_event_type_in_the_busy_day_used_for_replay()
    {
        var events = Given.Book().PlayBusyDay();

        Assert.Equal(Enum.GetValues<EventType>(), events.Select(e => e.Type).Distinct().Order());
        Assert.Equal(
            [CancelReason.Requested, CancelReason.MassCancel, CancelReason.ImmediateRemainder, CancelReason.FillOrKillUnfilled, CancelReason.SelfTradePrevention],
            events.Where(e => e.Type == EventType.Cancelled).Select(e => e.CancelReason).Distinct().Order());
    }

    [Fact]
    public void Should_rebuild_the_book_from_its_events()
    {
        var live = Given.Book();
        var events = live.PlayBusyDay();

        var replayed = Replay(events);

        Assert.True(replayed.Export().ContentEquals(live.Book.Export()));
        Assert.Equal(live.Book.ComputeStateHash(), replayed.ComputeStateHash());
    }

    [Fact]
    public void Should_match_the_live_book_after_the_events_of_every_command()
    {
        var live = Given.Book();
        live.Checkpoints = [];
        var events = live.PlayBusyDay();
        var checkpoints = live.Checkpoints.DistinctBy(c => c.Sequence).ToDictionary(c => c.Sequence, c => c.StateHash);

        var replayed = new OrderBook(Given.Spec());
        var compared = 0;
        foreach (var e in events)
        {
            replayed.Apply(e);
            if (checkpoints.TryGetValue(replayed.Sequence, out var expected))
            {
                Assert.Equal((e.Sequence, expected), (e.Sequence, replayed.ComputeStateHash()));
                compared++;
            }
        }

        Assert.True(compared > 25, $"only {compared} commands were compared");
    }

    [Fact]
    public void Should_rebuild_the_book_from_a_snapshot_and_the_events_after_it()
    {
        var live = Given.Book();
        var events = live.PlayBusyDay();
        var middle = events.Count / 2;
        var early = Replay(events.Take(middle));

        var restored = Replay(events.Skip(middle), OrderBook.Import(early.Spec, early.Export()));

        Assert.True(restored.Export().ContentEquals(live.Book.Export()));
        Assert.Equal(live.Book.ComputeStateHash(), restored.ComputeStateHash());
    }

    [Fact]
    public void Should_continue_from_a_replayed_book_exactly_like_the_live_book()
    {
        var live = Given.Book();
        var replayed = new BookFixture(Given.Spec());
        foreach (var e in live.PlayBusyDay())
        {
            replayed.Book.Apply(e);
        }

        live.Rest(Side.Buy, 95_00, 3, Given.Alice, TimeInForce.Gtd, expireAt: live.Now + 10);
        replayed.Now = live.Now;
        replayed.Rest(Side.Buy, 95_00, 3, Given.Alice, TimeInForce.Gtd, expireAt: live.Now + 10);
        var liveNext = live.Limit(Side.Buy, 97_00, 5, Given.Bob);
        var replayedNext = replayed.Limit(Side.Buy, 97_00, 5, Given.Bob);
        var liveExpiry = live.AdvanceTo(live.Now + 10);
        var replayedExpiry = replayed.AdvanceTo(replayed.Now + 10);

        Assert.Equal(liveNext, replayedNext);
        Assert.Equal(liveExpiry, replayedExpiry);
        Then.Events(replayedExpiry, "Expired #23 3");
        Assert.Equal(live.Book.ComputeStateHash(), replayed.Book.ComputeStateHash());
    }

    [Fact]
    public void Should_expire_good_till_date_orders_rebuilt_by_replay()
    {
        var live = Given.Book();
        live.Rest(Side.Buy, 95_00, 3, Given.Alice, TimeInForce.Gtd, expireAt: Given.T0 + 10);
        var replayed = Replay([new OrderEvent
        {
            Type = EventType.Accepted,
            Sequence = 1,
            Timestamp = Given.T0,
            OrderId = 1,
            AccountId = Given.Alice,
            Side = Side.Buy,
            OrderType = OrderType.Limit,
            TimeInForce = TimeInForce.Gtd,
            Price = 95_00,
            Quantity = 3,
            LeavesQuantity = 3,
            ExpireAt = Given.T0 + 10,
        }]);
        var buffer = new OrderEventBuffer();

        replayed.Process(OrderCommand.AdvanceTime(Given.T0 + 10), buffer);

        Then.Events(buffer.ToArray(), "Expired #1 3");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(0)]
    public void Should_refuse_an_event_that_does_not_follow_the_books_sequence(long sequence)
    {
        var live = Given.Book();
        var book = Replay(live.Limit(Side.Buy, 95_00, 3, Given.Alice));
        var next = Assert.Single(live.Limit(Side.Buy, 94_00, 3, Given.Alice));

        var error = Assert.Throws<InvalidOperationException>(() => book.Apply(next with { Sequence = sequence }));

        Assert.Contains($"BTC-USD: event sequence {sequence} does not follow the book's sequence 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, book.Sequence);
        Assert.Equal(1, book.OrderCount);
    }

    [Fact]
    public void Should_refuse_an_unknown_event_type()
    {
        var book = new OrderBook(Given.Spec());

        var error = Assert.Throws<InvalidOperationException>(() => book.Apply(new OrderEvent { Type = (EventType)42, Sequence = 1 }));

        Assert.Contains("unknown event type 42", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, book.Sequence);
    }

    [Fact]
    public void Should_advance_only_the_sequence_for_a_rejected_event()
    {
        var live = Given.Book();
        var events = live.Limit(Side.Buy, 0, 5, Given.Alice);
        var book = new OrderBook(Given.Spec());
        var empty = book.Export();

        book.Apply(events[0]);

        Assert.True(book.Export().ContentEquals(empty with { Sequence = 1 }));
        Assert.Equal(live.Book.ComputeStateHash(), book.ComputeStateHash());
    }

    [Fact]
    public void Should_ignore_cancels_and_amends_of_orders_that_do_not_rest()
    {
        var live = Given.Book();
        var events = live.Limit(Side.Buy, 100_00, 5, Given.Alice, TimeInForce.Ioc);
        var book = Replay(events);

        book.Apply(new OrderEvent { Type = EventType.Amended, Sequence = 3, OrderId = 1, Price = 99_00, Quantity = 5, LeavesQuantity = 4 });

        Assert.Equal(0, book.OrderCount);
        Assert.Equal(2, book.Export().NextOrderId);
        Assert.Equal(3, book.Sequence);
    }
}
