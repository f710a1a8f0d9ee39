using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>
/// Snapshots, replay and determinism on random streams: a restored or replayed book must be indistinguishable
/// from the live one, now (state hash and exported content) and in everything it does next (events).
/// </summary>
public sealed class PersistenceSpecs
{
    [Fact]
    public void Should_continue_identically_after_importing_a_snapshot() => Sample(scenario =>
    {
        var live = scenario.NewBook();
        var buffer = new OrderEventBuffer();
        OrderBook? restored = null;
        for (var i = 0; i < scenario.Commands.Count; i++)
        {
            if (i == scenario.SplitAt)
            {
                restored = OrderBook.Import(scenario.Spec, live.Export(), scenario.Options);
                Assert.Equal(live.ComputeStateHash(), restored.ComputeStateHash());
            }

            var expected = Process(live, scenario.Commands[i], buffer);
            if (restored is not null)
            {
                var actual = Process(restored, scenario.Commands[i], buffer);
                AssertSameEvents(i, scenario.Commands[i], expected, actual);
            }
        }

        restored ??= OrderBook.Import(scenario.Spec, live.Export(), scenario.Options);
        AssertSameBook(live, restored);
    });

    [Fact]
    public void Should_rebuild_the_live_book_by_applying_its_events() => Sample(scenario =>
    {
        var (live, events) = scenario.RunEngine();
        var replayed = scenario.NewBook();
        foreach (var e in events.SelectMany(x => x))
        {
            replayed.Apply(e);
        }

        AssertSameBook(live, replayed);
    });

    [Fact]
    public void Should_rebuild_the_live_book_from_a_snapshot_and_the_events_after_it() => Sample(scenario =>
    {
        var live = scenario.NewBook();
        var buffer = new OrderEventBuffer();
        var tail = new List<OrderEvent>();
        BookSnapshot? snapshot = null;
        for (var i = 0; i < scenario.Commands.Count; i++)
        {
            if (i == scenario.SplitAt)
            {
                snapshot = live.Export();
            }

            var events = Process(live, scenario.Commands[i], buffer);
            if (snapshot is not null)
            {
                tail.AddRange(events);
            }
        }

        var replayed = OrderBook.Import(scenario.Spec, snapshot ?? live.Export(), scenario.Options);
        foreach (var e in tail)
        {
            replayed.Apply(e);
        }

        AssertSameBook(live, replayed);
    });

    [Fact]
    public void Should_process_new_commands_identically_after_a_replay() => Sample(scenario =>
    {
        // Replay the events of the first commands, then go live: expiry queues and counters must have been rebuilt too.
        var live = scenario.NewBook();
        var replayed = scenario.NewBook();
        var buffer = new OrderEventBuffer();
        for (var i = 0; i < scenario.Commands.Count; i++)
        {
            var expected = Process(live, scenario.Commands[i], buffer);
            if (i < scenario.SplitAt)
            {
                foreach (var e in expected)
                {
                    replayed.Apply(e);
                }

                continue;
            }

            var actual = Process(replayed, scenario.Commands[i], buffer);
            AssertSameEvents(i, scenario.Commands[i], expected, actual);
        }

        AssertSameBook(live, replayed);
    });

    [Fact]
    public void Should_give_identical_events_and_state_on_every_run() => Sample(scenario =>
    {
        var (first, firstEvents) = scenario.RunEngine();
        var (second, secondEvents) = scenario.RunEngine();
        Assert.Equal(firstEvents.Count, secondEvents.Count);
        for (var i = 0; i < firstEvents.Count; i++)
        {
            AssertSameEvents(i, scenario.Commands[i], firstEvents[i], secondEvents[i]);
        }

        AssertSameBook(first, second);
    });

    private static OrderEvent[] Process(OrderBook book, OrderCommand command, OrderEventBuffer buffer)
    {
        buffer.Clear();
        book.Process(command, buffer);
        return buffer.ToArray();
    }

    private static void AssertSameEvents(int index, OrderCommand command, OrderEvent[] expected, OrderEvent[] actual)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new PropertyFailedException(FailureReport.EventsDiffer(index, command, expected, actual));
        }
    }

    private static void AssertSameBook(OrderBook expected, OrderBook actual)
    {
        var expectedState = expected.Export();
        var actualState = actual.Export();
        if (!expectedState.ContentEquals(actualState))
        {
            throw new PropertyFailedException(FailureReport.StatesDiffer("at the end of the stream", expectedState, actualState));
        }

        Assert.Equal(expected.ComputeStateHash(), actual.ComputeStateHash());
        Assert.Equal(expected.OrderCount, actual.OrderCount);
        foreach (var side in (Side[])[Side.Buy, Side.Sell])
        {
            var expectedDepth = new PriceLevelView[64];
            var actualDepth = new PriceLevelView[64];
            var count = expected.GetDepth(side, expectedDepth);
            Assert.Equal(count, actual.GetDepth(side, actualDepth));
            Assert.Equal(expectedDepth.AsSpan(0, count).ToArray(), actualDepth.AsSpan(0, count).ToArray());
        }
    }

    private static void Sample(Action<Scenario> check) =>
        PropertyRuns.Check(CommandStreamGenerators.Scenarios, check, PropertyRuns.Persistence);
}
