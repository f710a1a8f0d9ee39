using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

/// <summary>
/// Steady state allocates nothing: once the pools and the event buffer have grown to the working size of the
/// book, placing, amending, matching, cancelling and expiring orders must not allocate a single byte.
/// This asserts behaviour (bytes allocated), not timing.
/// </summary>
public sealed class AllocationSpecs
{
    private const long Dave = 4;
    private const long Erin = 5;

    [Fact]
    public void Should_allocate_nothing_in_steady_state()
    {
        var book = new OrderBook(Given.Spec());
        var events = new OrderEventBuffer();
        var counts = new int[8];
        var now = Given.T0;
        for (var level = 0; level < 20; level++)
        {
            Send(book, events, counts, OrderCommand.Limit(Given.Bob, 0, Side.Buy, 99_00 - (level * 10), 10, now));
            Send(book, events, counts, OrderCommand.Limit(Given.Carol, 0, Side.Buy, 99_00 - (level * 10), 10, now));
            Send(book, events, counts, OrderCommand.Limit(Given.Bob, 0, Side.Sell, 101_00 + (level * 10), 10, now));
            Send(book, events, counts, OrderCommand.Limit(Given.Carol, 0, Side.Sell, 101_00 + (level * 10), 10, now));
        }

        // Warm-up: pools, the expiry queue and the event buffer reach their working size, and every path is compiled.
        now = RunWorkload(book, events, counts, now, iterations: 3_000);
        Array.Clear(counts);

        var before = GC.GetAllocatedBytesForCurrentThread();
        now = RunWorkload(book, events, counts, now, iterations: 3_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        // The measured loop did real work of every kind.
        Assert.All(Enum.GetValues<EventType>(), type => Assert.True(counts[(int)type] >= 3_000, $"{type}: {counts[(int)type]}"));
        Assert.True(now > Given.T0);
    }

    private static long RunWorkload(OrderBook book, OrderEventBuffer events, int[] counts, long now, int iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            now += 10;

            // Time moves on: the good-till-date order placed two iterations ago expires.
            Send(book, events, counts, OrderCommand.AdvanceTime(now));

            // A new best bid, reduced in place, repriced, then hit by an IOC sell.
            Send(book, events, counts, OrderCommand.Limit(Given.Alice, i, Side.Buy, 99_50, 5, now));
            var bid = events[0].OrderId;
            Send(book, events, counts, OrderCommand.Amend(Given.Alice, bid, 99_50, 3, now));
            Send(book, events, counts, OrderCommand.Amend(Given.Alice, bid, 99_60, 4, now));
            Send(book, events, counts, OrderCommand.Limit(Given.Carol, i, Side.Sell, 99_60, 6, now, TimeInForce.Ioc));

            // A market buy takes one lot from the best ask; Bob puts it back at the tail of the level.
            Send(book, events, counts, OrderCommand.Market(Given.Alice, i, Side.Buy, 1, now));
            Send(book, events, counts, OrderCommand.Limit(Given.Bob, i, Side.Sell, 101_00, 1, now));

            // A good-till-date order that expires two iterations later, and one that is cancelled at once.
            Send(book, events, counts, OrderCommand.Limit(Given.Alice, i, Side.Sell, 120_00, 5, now, TimeInForce.Gtd, expireAt: now + 15));
            Send(book, events, counts, OrderCommand.Limit(Given.Alice, i, Side.Sell, 130_00, 1, now, TimeInForce.Gtd, expireAt: now + 1_000_000));
            Send(book, events, counts, OrderCommand.Cancel(Given.Alice, events[0].OrderId, now));

            // A killed FOK, rejects, a mass cancel and a self-trade prevented by cancelling both orders.
            Send(book, events, counts, OrderCommand.Limit(Given.Alice, i, Side.Buy, 105_00, 10_000, now, TimeInForce.Fok));
            Send(book, events, counts, OrderCommand.Limit(Given.Alice, i, Side.Buy, 100_00, 0, now));
            Send(book, events, counts, OrderCommand.Cancel(Given.Alice, -1, now));
            Send(book, events, counts, OrderCommand.Limit(Dave, i, Side.Buy, 80_00, 1, now));
            Send(book, events, counts, OrderCommand.MassCancel(Dave, now));
            Send(book, events, counts, OrderCommand.Limit(Erin, i, Side.Sell, 100_50, 1, now));
            Send(book, events, counts, OrderCommand.Limit(Erin, i, Side.Buy, 100_50, 1, now, selfTradePrevention: SelfTradePrevention.CancelBoth));
        }

        return now;
    }

    private static void Send(OrderBook book, OrderEventBuffer events, int[] counts, in OrderCommand command)
    {
        events.Clear();
        book.Process(command, events);
        foreach (ref readonly var e in events.Events)
        {
            counts[(int)e.Type]++;
        }
    }
}
