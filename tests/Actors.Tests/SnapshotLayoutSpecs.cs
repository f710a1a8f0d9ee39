using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Engine;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// The snapshot layout stores each retry-window entry as its differences from the one before: any window, extreme
/// values whose differences overflow included, must come back exactly.
/// </summary>
public sealed class SnapshotLayoutSpecs() : Akka.TestKit.Xunit2.TestKit(TestConfig.Config)
{
    private static readonly long[] Extremes = [0, 1, -1, long.MaxValue, long.MinValue, long.MaxValue - 1, long.MinValue + 1];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_read_back_any_retry_window_exactly(int seed)
    {
        var random = new Random(seed);
        var serializer = Sys.Serialization.FindSerializerForType(typeof(IExchangeMessage));
        for (var round = 0; round < 200; round++)
        {
            var entries = new DedupEntry[random.Next(0, 300)];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = new DedupEntry(
                    Value(random),
                    Value(random),
                    (CommandType)random.Next(0, 4),
                    Value(random),
                    (RejectReason)random.Next(0, 27),
                    Value(random));
            }

            var state = new BookSnapshotState(null, false, new BookSnapshot { Symbol = "X", Orders = [] }, entries);
            var bytes = serializer.ToBinary(state);
            var back = (BookSnapshotState)Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, state));

            Assert.Equal(entries, back.Dedup);
        }
    }

    // Mostly nearby values (the common case the layout is for), often extremes, sometimes anything.
    private static long Value(Random random) => random.Next(3) switch
    {
        0 => random.Next(-1000, 1000),
        1 => Extremes[random.Next(Extremes.Length)],
        _ => random.NextInt64(long.MinValue, long.MaxValue),
    };
}
