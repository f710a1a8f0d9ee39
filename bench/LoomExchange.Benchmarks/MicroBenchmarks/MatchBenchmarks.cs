using BenchmarkDotNet.Attributes;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.MicroBenchmarks;

/// <summary>
/// Crossing buy orders against dedicated ask liquidity at the top of a realistic book. The flow's orders at
/// the best three ask prices are cancelled in setup and replaced by the benchmark's own makers, so that
/// every call meets the same liquidity.
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private const long MakerQuantity = 100;
    private BookFixture _fixture = null!;
    private long _ask;
    private long _timestamp;

    [GlobalSetup(Target = nameof(FullFillThenReplenish))]
    public void SetupFullFill() => Prepare(levels: 1, makersPerLevel: 4, MakerQuantity);

    [GlobalSetup(Target = nameof(SweepThreeLevelsThenReplenish))]
    public void SetupSweep() => Prepare(levels: 3, makersPerLevel: 1, MakerQuantity);

    [GlobalSetup(Target = nameof(PartialFill))]
    public void SetupPartialFill() => Prepare(levels: 1, makersPerLevel: 1, 1_000_000_000_000_000);

    /// <summary>A GTC buy that fills the oldest maker at the best ask completely (it leaves the book), then a sell that puts the same liquidity back at the back of the level.</summary>
    [Benchmark(Description = "crossing limit fills 1 maker + replenish")]
    public int FullFillThenReplenish()
    {
        var book = _fixture.Book;
        var buffer = _fixture.Buffer;
        buffer.Clear();
        book.Process(OrderCommand.Limit(BookFixture.TakerAccount, 1, Side.Buy, _ask, MakerQuantity, _timestamp), buffer);
        var count = buffer.Count;
        buffer.Clear();
        book.Process(OrderCommand.Limit(BookFixture.BenchAccount, 2, Side.Sell, _ask, MakerQuantity, _timestamp), buffer);
        return count + buffer.Count;
    }

    /// <summary>A GTC buy that sweeps three single-maker levels (three trades, three levels removed), then three sells that rebuild them.</summary>
    [Benchmark(Description = "crossing limit sweeps 3 levels + replenish")]
    public int SweepThreeLevelsThenReplenish()
    {
        var book = _fixture.Book;
        var buffer = _fixture.Buffer;
        buffer.Clear();
        book.Process(OrderCommand.Limit(BookFixture.TakerAccount, 1, Side.Buy, _ask + 2, 3 * MakerQuantity, _timestamp), buffer);
        var count = buffer.Count;
        for (var level = 0; level < 3; level++)
        {
            buffer.Clear();
            book.Process(OrderCommand.Limit(BookFixture.BenchAccount, 2, Side.Sell, _ask + level, MakerQuantity, _timestamp), buffer);
            count += buffer.Count;
        }

        return count;
    }

    /// <summary>An IOC buy that trades part of one very large maker: one trade, no book structure change, no reset needed.</summary>
    [Benchmark(Description = "IOC partially fills 1 maker (no reset)")]
    public int PartialFill()
    {
        var buffer = _fixture.Buffer;
        buffer.Clear();
        _fixture.Book.Process(OrderCommand.Limit(BookFixture.TakerAccount, 1, Side.Buy, _ask, 10, _timestamp, TimeInForce.Ioc), buffer);
        return buffer.Count;
    }

    private void Prepare(int levels, int makersPerLevel, long makerQuantity)
    {
        _fixture = BookFixture.Create();
        _timestamp = _fixture.Timestamp;
        _ask = _fixture.BestPrice(Side.Sell);
        for (var level = 0; level < 3; level++)
        {
            _fixture.ClearLevel(Side.Sell, _ask + level);
        }

        for (var level = 0; level < levels; level++)
        {
            for (var maker = 0; maker < makersPerLevel; maker++)
            {
                _fixture.PlaceResting(Side.Sell, _ask + level, makerQuantity);
            }
        }
    }
}
