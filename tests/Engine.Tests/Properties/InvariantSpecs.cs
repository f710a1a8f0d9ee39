using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>Invariants that hold after every command of every random stream, independent of the reference book.</summary>
public sealed class InvariantSpecs
{
    [Fact]
    public void Should_never_cross_the_book() => Sample((book, _, _, _) =>
    {
        if (book.TryGetBest(Side.Buy, out var bid) && book.TryGetBest(Side.Sell, out var ask))
        {
            Assert.True(bid.Price < ask.Price, $"crossed book: best bid {bid.Price} >= best ask {ask.Price}");
        }
    });

    [Fact]
    public void Should_number_events_consecutively_and_stamp_them_with_the_command_time() => Sample((book, command, before, events) =>
    {
        var expected = before.Sequence;
        foreach (var e in events)
        {
            Assert.Equal(++expected, e.Sequence);
            Assert.Equal(command.Timestamp, e.Timestamp);
        }

        Assert.Equal(expected, book.Sequence);
    });

    [Fact]
    public void Should_conserve_the_quantity_of_every_order() =>
        PropertyRuns.Check(
            CommandStreamGenerators.Scenarios,
            scenario =>
            {
                // Per order: what came in (accepted quantity plus amend deltas) minus what went out
                // (traded as taker or maker, cancelled, expired) must be exactly what still rests.
                var balance = new Dictionary<long, long>();
                void Add(long orderId, long quantity) => balance[orderId] = balance.GetValueOrDefault(orderId) + quantity;

                var (book, events) = scenario.RunEngine();
                foreach (var e in events.SelectMany(x => x))
                {
                    switch (e.Type)
                    {
                        case EventType.Accepted:
                            Assert.Equal(e.Quantity, e.LeavesQuantity);
                            Assert.False(balance.ContainsKey(e.OrderId), $"order id {e.OrderId} accepted twice");
                            Add(e.OrderId, e.Quantity);
                            break;
                        case EventType.Amended:
                            Add(e.OrderId, e.LeavesQuantity - e.Quantity);
                            break;
                        case EventType.Trade:
                            Assert.True(e.Quantity > 0, "a trade of nothing");
                            Add(e.OrderId, -e.Quantity);
                            Add(e.MakerOrderId, -e.Quantity);
                            Assert.Equal(e.LeavesQuantity, balance[e.OrderId]);
                            Assert.Equal(e.MakerLeavesQuantity, balance[e.MakerOrderId]);
                            break;
                        case EventType.Cancelled:
                        case EventType.Expired:
                            Assert.True(e.Quantity > 0, "removed an order with nothing open");
                            Add(e.OrderId, -e.Quantity);
                            Assert.Equal(0, balance[e.OrderId]);
                            break;
                        case EventType.Rejected:
                            break;
                        default:
                            Assert.Fail($"unexpected event {e}");
                            break;
                    }
                }

                var resting = book.Export().Orders.ToDictionary(o => o.OrderId, o => o.LeavesQuantity);
                foreach (var (orderId, open) in balance)
                {
                    Assert.Equal(open, resting.GetValueOrDefault(orderId));
                }

                Assert.All(resting.Keys, orderId => Assert.True(balance.ContainsKey(orderId), $"order {orderId} rests without having been accepted"));
            },
            PropertyRuns.Invariants);

    [Fact]
    public void Should_fill_a_fill_or_kill_order_completely_or_change_nothing() => Sample((book, command, before, events) =>
    {
        var accepted = events.Where(e => e.Type == EventType.Accepted && e.TimeInForce == TimeInForce.Fok).ToList();
        if (accepted.Count == 0)
        {
            return;
        }

        var order = Assert.Single(accepted);
        var traded = events.Where(e => e.Type == EventType.Trade && e.OrderId == order.OrderId).Sum(e => e.Quantity);
        if (traded == order.Quantity)
        {
            Assert.DoesNotContain(events, e => e.Type == EventType.Cancelled && e.OrderId == order.OrderId);
            return;
        }

        Assert.Equal(0, traded);

        // Killed: after any expiries, only the order's own Accepted and Cancelled(FillOrKillUnfilled) events, and the book is as before.
        var own = events.SkipWhile(e => e.Type == EventType.Expired).ToList();
        Assert.Equal(2, own.Count);
        Assert.Equal(EventType.Accepted, own[0].Type);
        Assert.Equal(EventType.Cancelled, own[1].Type);
        Assert.Equal(CancelReason.FillOrKillUnfilled, own[1].CancelReason);
        Assert.Equal(order.Quantity, own[1].Quantity);
        var expired = events.Where(e => e.Type == EventType.Expired).Select(e => e.OrderId).ToHashSet();
        var after = book.Export();
        Assert.Equal(before.Orders.Where(o => !expired.Contains(o.OrderId)), after.Orders);
        Assert.Equal(before.LastTradePrice, after.LastTradePrice);
        Assert.Equal(before.NextTradeId, after.NextTradeId);
    });

    [Fact]
    public void Should_never_rest_an_immediate_or_cancel_fill_or_kill_or_market_order() => Sample((book, _, _, events) =>
    {
        foreach (var e in events.Where(e => e.Type == EventType.Accepted))
        {
            var immediate = e.OrderType == OrderType.Market || e.TimeInForce is TimeInForce.Ioc or TimeInForce.Fok;
            if (immediate)
            {
                Assert.False(book.TryGetOrder(e.OrderId, out _), $"immediate order {e.OrderId} rests");
                var open = e.Quantity - events.Where(t => t.Type == EventType.Trade && t.OrderId == e.OrderId).Sum(t => t.Quantity);
                if (open > 0)
                {
                    // Whatever did not trade was cancelled in the same command.
                    Assert.Contains(events, c => c.Type == EventType.Cancelled && c.OrderId == e.OrderId && c.Quantity == open);
                }
            }
        }

        Assert.All(book.Export().Orders, o => Assert.True(o.TimeInForce is TimeInForce.Gtc or TimeInForce.Gtd, $"resting {o}"));
    });

    [Fact]
    public void Should_never_let_a_post_only_order_take_liquidity() => Sample((_, _, before, events) =>
    {
        Assert.DoesNotContain(events, e => e.Type == EventType.Trade && e.PostOnly);
        var postOnlyMakers = before.Orders.Where(o => o.PostOnly).Select(o => o.OrderId).ToHashSet();
        Assert.DoesNotContain(events, e => e.Type == EventType.Trade && postOnlyMakers.Contains(e.OrderId));
    });

    [Fact]
    public void Should_trade_only_at_prices_the_taker_accepts_and_the_maker_asked() => Sample((_, _, before, events) =>
    {
        var makers = before.Orders.ToDictionary(o => o.OrderId);
        foreach (var trade in events.Where(e => e.Type == EventType.Trade))
        {
            // Makers rested before the command and trade at their own price; the taker's limit is never passed.
            Assert.True(makers.TryGetValue(trade.MakerOrderId, out var maker), $"maker {trade.MakerOrderId} did not rest before the command");
            Assert.Equal(maker.Price, trade.Price);
            Assert.NotEqual(maker.Side, trade.Side);

            if (trade.OrderType == OrderType.Limit)
            {
                var limit = LimitOf(trade, events);
                Assert.True(trade.Side == Side.Buy ? trade.Price <= limit : trade.Price >= limit, $"trade {trade} passes the taker's limit {limit}");
            }
        }
    });

    /// <summary>The limit price the taker of <paramref name="trade"/> had when it traded (its Accepted or Amended event).</summary>
    private static long LimitOf(OrderEvent trade, OrderEvent[] events) =>
        events.Last(e => e.Sequence < trade.Sequence && e.OrderId == trade.OrderId && e.Type is EventType.Accepted or EventType.Amended).Price;

    /// <summary>Runs <paramref name="check"/> after every command of every sampled stream, with the book state before the command.</summary>
    private static void Sample(Action<OrderBook, OrderCommand, BookSnapshot, OrderEvent[]> check) =>
        PropertyRuns.Check(
            CommandStreamGenerators.Scenarios,
            scenario =>
            {
                var book = scenario.NewBook();
                var buffer = new OrderEventBuffer();
                for (var i = 0; i < scenario.Commands.Count; i++)
                {
                    var command = scenario.Commands[i];
                    var before = book.Export();
                    buffer.Clear();
                    book.Process(command, buffer);
                    var events = buffer.ToArray();
                    try
                    {
                        check(book, command, before, events);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        throw new PropertyFailedException(
                            $"after command {i}: {Scenario.Describe(command)}\nevents:\n  {string.Join("\n  ", events)}\n{e.Message}",
                            e);
                    }
                }
            },
            PropertyRuns.Invariants);
}
