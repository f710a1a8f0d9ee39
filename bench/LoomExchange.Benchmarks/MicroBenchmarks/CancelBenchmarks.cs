using BenchmarkDotNet.Attributes;
using LoomExchange.Engine;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.MicroBenchmarks;

/// <summary>
/// Cancels a resting order of the flow (one of 256 spread over the best 64 levels of each side, wherever in
/// its queue it stands), then places it again at the same price (it rejoins at the back) so the book stays
/// the same. The figure is therefore one cancel plus one place.
/// </summary>
[MemoryDiagnoser]
public class CancelBenchmarks
{
    private const int Slots = 256;
    private BookFixture _fixture = null!;
    private BookOrder[] _targets = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = BookFixture.Create();
        var random = new SplitMix64(13);
        var candidates = new List<BookOrder>();
        foreach (var side in (Side[])[Side.Buy, Side.Sell])
        {
            var prices = _fixture.LevelPrices(side, 64).ToHashSet();
            candidates.AddRange(_fixture.Book.GetOrders(side).Where(o => prices.Contains(o.Price)));
        }

        _targets = new BookOrder[Slots];
        for (var i = 0; i < Slots; i++)
        {
            var index = random.Next(candidates.Count);
            _targets[i] = candidates[index];
            candidates.RemoveAt(index);
        }
    }

    [Benchmark(Description = "cancel resting order + place it again")]
    public int CancelThenReplace()
    {
        var book = _fixture.Book;
        var buffer = _fixture.Buffer;
        ref var target = ref _targets[_next];
        _next = (_next + 1) & (Slots - 1);
        buffer.Clear();
        book.Process(OrderCommand.Cancel(target.AccountId, target.OrderId, _fixture.Timestamp), buffer);
        buffer.Clear();
        book.Process(OrderCommand.Limit(target.AccountId, target.ClientOrderId, target.Side, target.Price, target.LeavesQuantity, _fixture.Timestamp), buffer);
        target = target with { OrderId = buffer[0].OrderId };
        return buffer.Count;
    }
}
