using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Sharding;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Tests;

/// <summary>Sharding routes by symbol with a hash that every process and version agrees on.</summary>
public sealed class SymbolMessageExtractorSpecs
{
    private readonly SymbolMessageExtractor _extractor = new(shardCount: 100);

    /// <summary>XxHash32 (seed 0) of the UTF-8 symbol modulo the shard count; cross-checked with an independent XXH32.</summary>
    [Theory]
    [InlineData("BTC-USD", 100, "89")]
    [InlineData("ETH-USD", 100, "47")]
    [InlineData("SOL-USD", 100, "55")]
    [InlineData("AAPL", 100, "0")]
    [InlineData("EUR/USD", 100, "33")]
    [InlineData("ÄÖÜ-EUR", 100, "76")]
    [InlineData("BTC-USD", 1000, "889")]
    [InlineData("ETH-USD", 1000, "847")]
    [InlineData("AAPL", 1000, "800")]
    [InlineData("ÄÖÜ-EUR", 1000, "476")]
    public void Should_give_a_known_symbol_its_fixed_shard(string symbol, int shardCount, string expected)
    {
        var extractor = new SymbolMessageExtractor(shardCount);

        Assert.Equal(expected, extractor.ShardOf(symbol));
        Assert.Equal(expected, extractor.ShardId(symbol));
        Assert.Equal(expected, extractor.ShardId(new GetBookStatus(symbol)));
    }

    [Fact]
    public void Should_take_the_entity_id_and_shard_from_the_symbol_of_every_book_message()
    {
        IBookMessage[] messages =
        [
            new BookCommand("BTC-USD", OrderCommand.Cancel(1, 2, 3), 4),
            new GetBookDepth("BTC-USD", 10),
            new GetBookStatus("BTC-USD"),
            new SetInstrument(SerializerSamples.Spec),
            new SetTradingHalt("BTC-USD", true, "halt"),
        ];

        foreach (var message in messages)
        {
            Assert.Equal("BTC-USD", _extractor.EntityId(message));
            Assert.Equal("89", _extractor.ShardId(message));
            Assert.Same(message, _extractor.EntityMessage(message));
        }
    }

    [Fact]
    public void Should_not_route_messages_that_are_not_for_a_book()
    {
        object[] others = [StopBook.Instance, new BookStatus("BTC-USD", true, false, 0, 0, 0, 0, 0, 0), "BTC-USD", 42];

        foreach (var message in others)
        {
            Assert.Null(_extractor.EntityId(message));
            Assert.Null(_extractor.ShardId(message));
        }
    }

    [Fact]
    public void Should_refuse_a_shard_count_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SymbolMessageExtractor(0));
}
