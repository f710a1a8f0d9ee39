using LoomExchange.Engine;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.MicroBenchmarks;

/// <summary>
/// A warmed, realistically sized book for the micro-benchmarks: the <c>engine</c> verb's pre-fill of 10,000
/// passive orders followed by 200,000 commands of its mixed flow, so levels, queues and pools look like
/// they do in steady state. Benchmarks add their own orders under accounts the flow never uses.
/// </summary>
internal sealed class BookFixture
{
    public const long BenchAccount = 1_000_001;
    public const long TakerAccount = 1_000_002;

    private long _clientOrderId = 1_000_000_000;

    private BookFixture(OrderBook book, OrderEventBuffer buffer)
    {
        Book = book;
        Buffer = buffer;
    }

    public OrderBook Book { get; }

    public OrderEventBuffer Buffer { get; }

    public long Timestamp { get; } = BenchInstrument.StartTimestamp + 1_000_000_000_000;

    public static BookFixture Create()
    {
        var stream = CommandStreamGenerator.Generate(new GeneratorSettings { Seed = 7, Commands = 200_000, BookOrders = 10_000 });
        var buffer = new OrderEventBuffer(1024);
        var book = stream.NewPrefilledBook(buffer);
        foreach (ref readonly var command in stream.Commands.AsSpan())
        {
            buffer.Clear();
            book.Process(command, buffer);
        }

        buffer.Clear();
        return new BookFixture(book, buffer);
    }

    public long BestPrice(Side side) =>
        Book.TryGetBest(side, out var level) ? level.Price : throw new InvalidOperationException($"the fixture book has no {side} side");

    /// <summary>Prices of the best <paramref name="count"/> levels of <paramref name="side"/>, best first.</summary>
    public long[] LevelPrices(Side side, int count)
    {
        var levels = new PriceLevelView[count];
        var found = Book.GetDepth(side, levels);
        return [.. levels.Take(found).Select(l => l.Price)];
    }

    /// <summary>Processes a setup command and returns the id of the order it placed (0 if none was accepted).</summary>
    public long Setup(in OrderCommand command)
    {
        Buffer.Clear();
        Book.Process(command, Buffer);
        var accepted = Buffer.Count > 0 && Buffer[0].Type == EventType.Accepted ? Buffer[0].OrderId : 0;
        foreach (ref readonly var e in Buffer.Events)
        {
            if (e.Type == EventType.Rejected)
            {
                throw new InvalidOperationException($"setup command rejected: {e.RejectReason}");
            }
        }

        Buffer.Clear();
        return accepted;
    }

    /// <summary>Places a GTC limit for <see cref="BenchAccount"/> during setup and returns its order id.</summary>
    public long PlaceResting(Side side, long price, long quantity) =>
        Setup(OrderCommand.Limit(BenchAccount, NextClientOrderId(), side, price, quantity, Timestamp));

    /// <summary>Cancels every resting order at <paramref name="price"/> on <paramref name="side"/> (setup only: allocates).</summary>
    public void ClearLevel(Side side, long price)
    {
        foreach (var order in Book.GetOrders(side).Where(o => o.Price == price).ToList())
        {
            Setup(OrderCommand.Cancel(order.AccountId, order.OrderId, Timestamp));
        }
    }

    public long NextClientOrderId() => ++_clientOrderId;
}
