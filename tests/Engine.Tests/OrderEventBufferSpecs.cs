using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

public sealed class OrderEventBufferSpecs
{
    private static OrderEvent Event(long sequence) => new() { Type = EventType.Accepted, Sequence = sequence };

    [Fact]
    public void Should_start_empty()
    {
        var buffer = new OrderEventBuffer();

        Assert.Equal(0, buffer.Count);
        Assert.True(buffer.Events.IsEmpty);
        Assert.Empty(buffer.ToArray());
    }

    [Fact]
    public void Should_keep_the_events_in_the_order_they_were_added()
    {
        var buffer = new OrderEventBuffer();

        buffer.Add(Event(1));
        buffer.Add(Event(2));
        buffer.Add(Event(3));

        Assert.Equal(3, buffer.Count);
        Assert.Equal(2, buffer[1].Sequence);
        Assert.Equal([Event(1), Event(2), Event(3)], buffer.Events.ToArray());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(16)]
    public void Should_refuse_an_index_outside_the_added_events(int index)
    {
        var buffer = new OrderEventBuffer();
        buffer.Add(Event(1));
        buffer.Add(Event(2));

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer[index]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    public void Should_grow_beyond_its_initial_capacity_and_keep_every_event(int initialCapacity)
    {
        var buffer = new OrderEventBuffer(initialCapacity);

        for (var i = 1; i <= 1_000; i++)
        {
            buffer.Add(Event(i));
        }

        Assert.Equal(1_000, buffer.Count);
        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => (long)i), buffer.ToArray().Select(e => e.Sequence));
    }

    [Fact]
    public void Should_forget_its_events_when_cleared_and_be_reusable()
    {
        var buffer = new OrderEventBuffer();
        buffer.Add(Event(1));
        buffer.Add(Event(2));

        buffer.Clear();
        buffer.Add(Event(3));

        Assert.Equal(1, buffer.Count);
        Assert.Equal(3, buffer[0].Sequence);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer[1]);
    }

    [Fact]
    public void Should_give_a_copy_that_later_changes_do_not_touch()
    {
        var buffer = new OrderEventBuffer();
        buffer.Add(Event(1));

        var copy = buffer.ToArray();
        buffer.Clear();
        buffer.Add(Event(9));

        Assert.Equal([Event(1)], copy);
    }

    [Fact]
    public void Should_collect_the_events_of_several_commands_as_one_batch()
    {
        var book = new OrderBook(Given.Spec());
        var batch = new OrderEventBuffer(initialCapacity: 1);

        book.Process(OrderCommand.Limit(Given.Bob, 1, Side.Sell, 100_00, 5, Given.T0), batch);
        book.Process(OrderCommand.Limit(Given.Alice, 2, Side.Buy, 100_00, 8, Given.T0), batch);
        for (var i = 0; i < 20; i++)
        {
            book.Process(OrderCommand.Cancel(Given.Carol, 1, Given.T0), batch);
        }

        Assert.Equal(23, batch.Count);
        Assert.Equal(Enumerable.Range(1, 23).Select(i => (long)i), batch.ToArray().Select(e => e.Sequence));
        Then.Events(
            batch.ToArray()[..3],
            "Accepted #1 Sell 5@10000",
            "Accepted #2 Buy 8@10000",
            "Trade #1 5@10000 taker #2 leaves 3 maker #1 leaves 0");
    }
}
