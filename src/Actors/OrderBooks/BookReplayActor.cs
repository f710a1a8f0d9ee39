using Akka.Actor;
using Akka.Persistence;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks;

/// <summary>
/// A read-only, short-lived twin of a book: it recovers the book's persistence id from the full journal (no snapshot: one
/// may lie past the cut), applies events up to the <see cref="BookReplayCut"/>, answers one <see cref="BookReplayResult"/>
/// and stops. It never persists, so the live entity and the journal are untouched; it runs on whichever node asks.
/// </summary>
public sealed class BookReplayActor : UntypedPersistentActor
{
    private readonly string _symbol;
    private readonly InstrumentRegistry _registry;
    private readonly BookReplayCut _cut;
    private readonly int _depth;
    private readonly IActorRef _replyTo;
    private OrderBook? _book;
    private InstrumentSpec? _spec;
    private bool _halted;
    private bool _pastCut;
    private long _applied;
    private long _lastTimestamp;

    public BookReplayActor(string symbol, InstrumentRegistry registry, string? journalPluginId, BookReplayCut cut, int depth, IActorRef replyTo)
    {
        _symbol = symbol;
        _registry = registry;
        _cut = cut;
        _depth = Math.Clamp(depth, 1, 1000);
        _replyTo = replyTo;
        if (journalPluginId is not null)
        {
            JournalPluginId = journalPluginId;
        }
    }

    public override string PersistenceId => OrderBookActor.PersistenceIdOf(_symbol);

    public override Recovery Recovery => new(SnapshotSelectionCriteria.None);

    public static Props Props(string symbol, InstrumentRegistry registry, string? journalPluginId, BookReplayCut cut, int depth, IActorRef replyTo) =>
        Akka.Actor.Props.Create(() => new BookReplayActor(symbol, registry, journalPluginId, cut, depth, replyTo));

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case BookBatch batch when !_pastCut:
                Apply(batch);
                break;
            case InstrumentChanged changed when !_pastCut:
                UseSpec(changed.Spec);
                break;
            case TradingStatusChanged status when !_pastCut:
                _halted = status.Halted;
                break;
            case RecoveryCompleted:
                _replyTo.Tell(Result(null));
                Context.Stop(Self);
                break;
        }
    }

    protected override void OnCommand(object message) => Unhandled(message);

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _replyTo.Tell(Result($"the journal of {_symbol} could not be read: {reason.Message}"));
        base.OnRecoveryFailure(reason, message);
    }

    private void Apply(BookBatch batch)
    {
        if (_book is null)
        {
            if (!_registry.TryGet(_symbol, out var configured))
            {
                throw new InvalidOperationException($"{_symbol}: the journal holds orders but no instrument is listed for it");
            }

            UseSpec(configured);
        }

        foreach (var e in batch.Events)
        {
            if (!_cut.Includes(e.Sequence, e.Timestamp))
            {
                // Events are in sequence and time order (the book stamps time, never decreasing): nothing later counts.
                _pastCut = true;
                return;
            }

            _book!.Apply(e);
            _applied++;
            _lastTimestamp = e.Timestamp;
        }
    }

    private void UseSpec(InstrumentSpec spec)
    {
        _spec = spec;
        _book = _book is null ? new OrderBook(spec) : OrderBook.Import(spec, _book.Export());
    }

    private BookReplayResult Result(string? error)
    {
        if (_book is null)
        {
            return new BookReplayResult(_symbol, 0, 0, 0, 0, 0, _halted, 0, [], [], error);
        }

        var bids = new PriceLevelView[_depth];
        var asks = new PriceLevelView[_depth];
        var bidCount = _book.GetDepth(Side.Buy, bids);
        var askCount = _book.GetDepth(Side.Sell, asks);
        return new BookReplayResult(
            _symbol, _applied, _book.Sequence, _lastTimestamp, _book.OrderCount, _book.ComputeStateHash(), _halted, _book.LastTradePrice, bids[..bidCount], asks[..askCount], error);
    }
}
