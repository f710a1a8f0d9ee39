using BenchmarkDotNet.Attributes;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.MicroBenchmarks;

/// <summary>
/// A passive GTC limit that rests, 0 to 63 ticks behind its side's best price (joining an existing level
/// or opening one in a gap, as real flow does), then the cancel that takes it out again so the book stays
/// the same size. The figure is therefore one place plus one cancel.
/// </summary>
[MemoryDiagnoser]
public class PlaceBenchmarks
{
    private const int Slots = 256;
    private BookFixture _fixture = null!;
    private OrderCommand[] _places = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = BookFixture.Create();
        var bid = _fixture.BestPrice(Side.Buy);
        var ask = _fixture.BestPrice(Side.Sell);
        var random = new SplitMix64(11);
        _places = new OrderCommand[Slots];
        for (var i = 0; i < Slots; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            var depth = random.Next(64);
            var price = side == Side.Buy ? bid - depth : ask + depth;
            _places[i] = OrderCommand.Limit(BookFixture.BenchAccount, _fixture.NextClientOrderId(), side, price, 1 + random.Next(100), _fixture.Timestamp);
        }
    }

    [Benchmark(Description = "place resting limit + cancel it")]
    public int PlaceRestingThenCancel()
    {
        var book = _fixture.Book;
        var buffer = _fixture.Buffer;
        ref readonly var place = ref _places[_next];
        _next = (_next + 1) & (Slots - 1);
        buffer.Clear();
        book.Process(place, buffer);
        var orderId = buffer[0].OrderId;
        buffer.Clear();
        book.Process(OrderCommand.Cancel(BookFixture.BenchAccount, orderId, place.Timestamp), buffer);
        return buffer.Count;
    }
}
