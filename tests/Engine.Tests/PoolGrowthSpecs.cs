using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests;

/// <summary>
/// Pools start small (<see cref="OrderBookOptions"/>) and grow; these specifications push every pool beyond
/// its initial size and check that the book still answers exactly.
/// </summary>
public sealed class PoolGrowthSpecs
{
    private static readonly OrderBookOptions TinyPools = new() { InitialOrderCapacity = 1, InitialLevelCapacity = 1 };

    [Fact]
    public void Should_hold_many_more_orders_and_levels_than_the_initial_capacities()
    {
        const int levels = 300;
        var book = Given.Book(options: TinyPools);
        for (var i = 0; i < levels; i++)
        {
            // A scrambled price order, so levels are inserted at the best, at the worst and in between.
            var step = (i * 7) % levels;
            book.Rest(Side.Buy, 1_00 + step, 1, Given.Alice);
            book.Rest(Side.Buy, 1_00 + step, 2, Given.Bob);
            book.Rest(Side.Sell, 1_000_00 + step, 3, Given.Carol);
        }

        var bids = new PriceLevelView[levels + 1];
        var asks = new PriceLevelView[levels + 1];
        Assert.Equal(levels, book.Book.GetDepth(Side.Buy, bids));
        Assert.Equal(levels, book.Book.GetDepth(Side.Sell, asks));
        Assert.Equal(Enumerable.Range(0, levels).Select(i => new PriceLevelView(1_00 + levels - 1 - i, 3, 2)), bids[..levels]);
        Assert.Equal(Enumerable.Range(0, levels).Select(i => new PriceLevelView(1_000_00 + i, 3, 1)), asks[..levels]);
        Assert.Equal(3 * levels, book.Book.OrderCount);
    }

    [Fact]
    public void Should_sweep_a_deep_book_best_first_and_reuse_the_freed_slots()
    {
        const int levels = 200;
        var book = Given.Book(options: TinyPools);
        for (var i = 0; i < levels; i++)
        {
            book.Rest(Side.Sell, 100_00 + ((i * 13) % levels), 2, Given.Bob);
        }

        var sweep = book.Market(Side.Buy, 2 * levels, Given.Alice);

        var trades = sweep.Where(e => e.Type == EventType.Trade).ToArray();
        Assert.Equal(Enumerable.Range(0, levels).Select(i => 100_00L + i), trades.Select(t => t.Price));
        Assert.Equal(Enumerable.Range(1, levels).Select(i => (long)i), trades.Select(t => t.TradeId));
        Assert.Equal(0, book.Book.OrderCount);

        for (var i = 0; i < levels; i++)
        {
            book.Rest(Side.Buy, 50_00 + i, 1, Given.Carol);
        }

        Assert.True(book.Book.TryGetBest(Side.Buy, out var best));
        Assert.Equal(new PriceLevelView(50_00 + levels - 1, 1, 1), best);
        Assert.Equal(levels, book.Book.GetOrders(Side.Buy).Count);
        Assert.Empty(book.Book.GetOrders(Side.Sell));
    }

    [Fact]
    public void Should_insert_and_remove_levels_in_the_middle_of_a_deep_book()
    {
        var book = Given.Book(options: TinyPools);
        var idsByPrice = new Dictionary<long, long>();
        for (var i = 0; i < 50; i++)
        {
            idsByPrice[100_00 + (10 * i)] = book.Rest(Side.Sell, 100_00 + (10 * i), 1, Given.Bob);
            idsByPrice[90_00 - (10 * i)] = book.Rest(Side.Buy, 90_00 - (10 * i), 1, Given.Bob);
        }

        book.Rest(Side.Sell, 100_00 + 255, 4, Given.Alice);
        book.Rest(Side.Buy, 90_00 - 255, 4, Given.Alice);
        book.Cancel(Given.Bob, idsByPrice[100_00 + 100]);
        book.Cancel(Given.Bob, idsByPrice[90_00 - 400]);

        var expectedAsks = Enumerable.Range(0, 50).Select(i => 100_00L + (10 * i)).Where(p => p != 100_00 + 100)
            .Append(100_00 + 255).Order().ToArray();
        var expectedBids = Enumerable.Range(0, 50).Select(i => 90_00L - (10 * i)).Where(p => p != 90_00 - 400)
            .Append(90_00 - 255).OrderDescending().ToArray();
        var asks = new PriceLevelView[64];
        var bids = new PriceLevelView[64];
        Assert.Equal(expectedAsks, asks[..book.Book.GetDepth(Side.Sell, asks)].Select(l => l.Price));
        Assert.Equal(expectedBids, bids[..book.Book.GetDepth(Side.Buy, bids)].Select(l => l.Price));
        Assert.Equal(new PriceLevelView(100_00 + 255, 4, 1), asks[Array.IndexOf(expectedAsks, 100_00 + 255)]);
    }

    [Fact]
    public void Should_expire_in_order_after_many_cancelled_good_till_date_orders()
    {
        var book = Given.Book(options: TinyPools);
        var live = new List<(long ExpireAt, long OrderId)>();
        for (var k = 0; k < 40; k++)
        {
            // Twenty distinct expiries, each shared by two orders: ties go to the lower order id.
            var expireAt = Given.T0 + 1_000 + ((k * 7 % 20) * 10);
            live.Add((expireAt, book.Rest(Side.Buy, 50_00 + k, 1, Given.Alice, TimeInForce.Gtd, expireAt: expireAt)));
        }

        for (var k = 0; k < 500; k++)
        {
            var id = book.Rest(Side.Sell, 200_00 + (k % 30), 1, Given.Bob, TimeInForce.Gtd, expireAt: Given.T0 + 500 + k);
            Then.Events(book.Cancel(Given.Bob, id), $"Cancelled #{id} Requested 1");
        }

        var expired = book.AdvanceTo(Given.T0 + 10_000);

        Assert.All(expired, e => Assert.Equal(EventType.Expired, e.Type));
        Assert.Equal(live.Order().Select(o => o.OrderId), expired.Select(e => e.OrderId));
        Assert.Equal(0, book.Book.OrderCount);
    }

    [Fact]
    public void Should_expire_in_order_when_more_good_till_date_orders_rest_than_the_initial_queue_holds()
    {
        var book = Given.Book(options: TinyPools);
        var expiries = new List<(long ExpireAt, long OrderId)>();
        for (var k = 0; k < 150; k++)
        {
            var expireAt = Given.T0 + 100 + ((k * 31) % 150);
            expiries.Add((expireAt, book.Rest(Side.Sell, 100_00 + k, 1, Given.Carol, TimeInForce.Gtd, expireAt: expireAt)));
        }

        var firstHalf = book.AdvanceTo(Given.T0 + 174);
        var secondHalf = book.AdvanceTo(Given.T0 + 1_000);

        var ordered = expiries.Order().ToArray();
        Assert.Equal(ordered.Take(75).Select(o => o.OrderId), firstHalf.Select(e => e.OrderId));
        Assert.Equal(ordered.Skip(75).Select(o => o.OrderId), secondHalf.Select(e => e.OrderId));
    }
}
