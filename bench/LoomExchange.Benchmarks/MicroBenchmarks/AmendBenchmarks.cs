using BenchmarkDotNet.Attributes;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.MicroBenchmarks;

/// <summary>
/// Amends of 256 dedicated resting orders spread over the best 16 levels of each side. Neither benchmark
/// needs a reset: quantity down takes one lot off a very large order; price change moves the order between
/// its two prices (5 ticks apart, both passive), so every call is a real amend that re-queues the order.
/// </summary>
[MemoryDiagnoser]
public class AmendBenchmarks
{
    private const int Slots = 256;
    private const long LargeQuantity = 1_000_000_000_000;
    private BookFixture _fixture = null!;
    private long[] _orderIds = [];
    private long[] _prices = [];
    private long[] _otherPrices = [];
    private long[] _leaves = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = BookFixture.Create();
        var bid = _fixture.BestPrice(Side.Buy);
        var ask = _fixture.BestPrice(Side.Sell);
        _orderIds = new long[Slots];
        _prices = new long[Slots];
        _otherPrices = new long[Slots];
        _leaves = new long[Slots];
        for (var i = 0; i < Slots; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            var depth = (i >> 1) % 16;
            _prices[i] = side == Side.Buy ? bid - depth : ask + depth;
            _otherPrices[i] = side == Side.Buy ? _prices[i] - 5 : _prices[i] + 5;
            _leaves[i] = LargeQuantity;
            _orderIds[i] = _fixture.PlaceResting(side, _prices[i], LargeQuantity);
        }
    }

    [Benchmark(Description = "amend quantity down (in place)")]
    public int AmendQuantityDown()
    {
        var i = _next;
        _next = (_next + 1) & (Slots - 1);
        var buffer = _fixture.Buffer;
        buffer.Clear();
        _fixture.Book.Process(OrderCommand.Amend(BookFixture.BenchAccount, _orderIds[i], _prices[i], --_leaves[i], _fixture.Timestamp), buffer);
        return buffer.Count;
    }

    [Benchmark(Description = "amend price (re-queued at new level)")]
    public int AmendPriceChange()
    {
        var i = _next;
        _next = (_next + 1) & (Slots - 1);
        (_prices[i], _otherPrices[i]) = (_otherPrices[i], _prices[i]);
        var buffer = _fixture.Buffer;
        buffer.Clear();
        _fixture.Book.Process(OrderCommand.Amend(BookFixture.BenchAccount, _orderIds[i], _prices[i], _leaves[i], _fixture.Timestamp), buffer);
        return buffer.Count;
    }
}
