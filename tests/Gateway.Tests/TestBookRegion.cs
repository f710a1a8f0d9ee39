using Akka.Actor;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// Stands in for the <c>orderbook</c> shard region in one process: one real <see cref="OrderBookActor"/> per symbol,
/// started on first use, messages forwarded with their sender (as sharding does). <see cref="Hold"/> makes it swallow
/// book messages (a book that does not answer).
/// </summary>
public sealed class TestBookRegion : ReceiveActor
{
    private readonly InstrumentRegistry _registry;
    private readonly OrderBookSettings _settings;
    private readonly TimeProvider _time;
    private bool _holding;

    public TestBookRegion(InstrumentRegistry registry, OrderBookSettings settings, TimeProvider time)
    {
        _registry = registry;
        _settings = settings;
        _time = time;
        Receive<Hold>(h => _holding = h.On);
        Receive<IBookMessage>(m =>
        {
            if (_holding)
            {
                return;
            }

            var book = Context.Child(m.Symbol);
            if (book.IsNobody())
            {
                book = Context.ActorOf(OrderBookActor.Props(m.Symbol, _registry, _settings, _time), m.Symbol);
            }

            book.Forward(m);
        });
    }

    public static Props Props(InstrumentRegistry registry, OrderBookSettings settings, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new TestBookRegion(registry, settings, time));

    /// <summary>While on, book messages are dropped: no answer ever comes.</summary>
    public sealed record Hold(bool On) : INoSerializationVerificationNeeded;
}
