using Akka.Actor;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Gateway.Tests;

/// <summary>
/// Stands in for the <c>orderbook</c> shard region in one process: one real <see cref="OrderBookActor"/> per symbol,
/// started on first use, messages forwarded with their sender (as sharding does). <see cref="Hold"/> makes it keep
/// book messages back (a book that does not answer) and delivers them when released; <see cref="CountHeld"/> tells how
/// many it holds. <see cref="DropNext"/> loses the next book messages (as a region does with what it buffered for a
/// book that starts moving); <see cref="CountReceived"/> tells how many book messages arrived in all.
/// </summary>
public sealed class TestBookRegion : ReceiveActor
{
    private readonly InstrumentRegistry _registry;
    private readonly OrderBookSettings _settings;
    private readonly TimeProvider _time;
    private readonly List<(IBookMessage Message, IActorRef Sender)> _held = [];
    private bool _holding;
    private int _toDrop;
    private int _received;

    public TestBookRegion(InstrumentRegistry registry, OrderBookSettings settings, TimeProvider time)
    {
        _registry = registry;
        _settings = settings;
        _time = time;
        Receive<Hold>(h =>
        {
            _holding = h.On;
            if (!_holding)
            {
                foreach (var (message, sender) in _held)
                {
                    BookOf(message.Symbol).Tell(message, sender);
                }

                _held.Clear();
            }
        });
        Receive<CountHeld>(_ => Sender.Tell(_held.Count));
        Receive<DropNext>(d => _toDrop = d.Count);
        Receive<CountReceived>(_ => Sender.Tell(_received));
        Receive<IBookMessage>(m =>
        {
            _received++;
            if (_toDrop > 0)
            {
                _toDrop--;
                return;
            }

            if (_holding)
            {
                _held.Add((m, Sender));
                return;
            }

            BookOf(m.Symbol).Forward(m);
        });
    }

    private IActorRef BookOf(string symbol)
    {
        var book = Context.Child(symbol);
        return book.IsNobody() ? Context.ActorOf(OrderBookActor.Props(symbol, _registry, _settings, _time), symbol) : book;
    }

    public static Props Props(InstrumentRegistry registry, OrderBookSettings settings, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new TestBookRegion(registry, settings, time));

    /// <summary>While on, book messages are held back: no answer comes until released.</summary>
    public sealed record Hold(bool On) : INoSerializationVerificationNeeded;

    /// <summary>Answered with the number of held messages (an <see cref="int"/>).</summary>
    public sealed record CountHeld : INoSerializationVerificationNeeded;

    /// <summary>The next <paramref name="Count"/> book messages are lost: no book sees them.</summary>
    public sealed record DropNext(int Count) : INoSerializationVerificationNeeded;

    /// <summary>Answered with the number of book messages received so far, dropped and held ones included (an <see cref="int"/>).</summary>
    public sealed record CountReceived : INoSerializationVerificationNeeded;
}
