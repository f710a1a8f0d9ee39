using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Serialization;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// The in-memory journal keeps objects, not bytes: this spec takes every row and the snapshot a real run wrote
/// and sends them through the serializer a SQL journal would use, so that what the book persists is storable.
/// </summary>
public sealed class JournalRowSerializationSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public void Should_store_every_row_and_snapshot_of_a_run_with_the_exchange_serializer()
    {
        var book = StartBook(new OrderBookSettings { SnapshotEveryEvents = 50 });
        var flow = new RandomOrderFlow(seed: 7);
        for (var i = 0; i < 150; i++)
        {
            flow.Observe(Execute(book, flow.Next()));
        }

        book.Tell(new Protocol.SetTradingHalt(Symbol, true, "end of run"), TestActor);
        ExpectMsg<Protocol.BookStatus>(Deadline);
        Passivate(book);
        object[] persisted = [.. Gate.Written, LatestSnapshot()!];

        Assert.Equal(150, Gate.WrittenBatches.Sum(b => b.Commands.Count));
        foreach (var payload in persisted)
        {
            var serializer = Sys.Serialization.FindSerializerFor(payload);
            Assert.IsType<ExchangeSerializer>(serializer);
            var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, payload);
            MessageAssert.Equivalent(payload, Sys.Serialization.Deserialize(serializer.ToBinary(payload), ExchangeSerializer.SerializerId, manifest));
        }
    }
}
