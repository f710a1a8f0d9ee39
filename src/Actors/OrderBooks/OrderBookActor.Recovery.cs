using System.Globalization;
using Akka.Event;
using Akka.Persistence;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Actors.OrderBooks;

public sealed partial class OrderBookActor
{
    protected override void OnRecover(object message)
    {
        // When the first answer of the journal or snapshot store arrived: splits a slow recovery into waiting and replaying.
        if (_firstRecoveryMessageMicros < 0)
        {
            _firstRecoveryMessageMicros = (long)System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt).TotalMicroseconds;
        }

        switch (message)
        {
            case SnapshotOffer { Snapshot: BookSnapshotState snapshot }:
                RecoverSnapshot(snapshot);
                break;
            case BookBatch batch:
                RecoverBatch(batch);
                break;
            case InstrumentChanged changed:
                UseSpec(changed.Spec, fromJournal: true);
                break;
            case TradingStatusChanged status:
                _halted = status.Halted;
                break;
            case RecoveryCompleted:
                CompleteRecovery();
                break;
        }
    }

    private void RecoverSnapshot(BookSnapshotState snapshot)
    {
        _specFromJournal = snapshot.Spec is not null;
        _spec = snapshot.Spec ?? (_registry.TryGet(_symbol, out var configured) ? configured : null);
        _halted = snapshot.Halted;
        if (_spec is null)
        {
            throw new InvalidOperationException($"{_symbol}: snapshot has no instrument and the configuration lists none; list {_symbol} again to recover it");
        }

        _book = OrderBook.Import(_spec, snapshot.Book);
        _snapshotBookSequence = _book.Sequence;
        _dedup.Import(snapshot.Dedup);
    }

    /// <summary>Applies a journaled batch: its events to the engine, its command outcomes to the retry window.</summary>
    private void RecoverBatch(BookBatch batch)
    {
        if (_book is null)
        {
            if (!_registry.TryGet(_symbol, out var configured))
            {
                throw new InvalidOperationException($"{_symbol}: the journal holds orders but no instrument is listed for it; list {_symbol} again to recover it");
            }

            UseSpec(configured, fromJournal: false);
        }

        var book = _book!;
        var eventIndex = 0;
        foreach (var outcome in batch.Commands)
        {
            for (var i = 0; i < outcome.EventCount; i++)
            {
                var e = batch.Events[eventIndex++];

                // A snapshot may already contain the start of the journal row that follows it.
                if (e.Sequence > book.Sequence)
                {
                    book.Apply(e);
                }

                _lastTimestamp = Math.Max(_lastTimestamp, e.Timestamp);
            }

            _dedup.Remember(new DedupEntry(outcome.AccountId, outcome.ClientOrderId, outcome.Type, outcome.OrderId, outcome.RejectReason, book.Sequence));
        }

        _eventsSinceSnapshot += batch.Events.Count;
        _writesSinceSnapshot++;
    }

    private void CompleteRecovery()
    {
        if (_spec is null && _registry.TryGet(_symbol, out var configured))
        {
            UseSpec(configured, fromJournal: false);
        }

        _journaledSequence = _book?.Sequence ?? 0;
        StartJournaling();
        _recoveryMicros = (long)System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt).TotalMicroseconds;
        var unlisted = _spec is null ? " (not listed: orders are rejected until it is)" : string.Empty;
        _log.Info(string.Create(
            CultureInfo.InvariantCulture,
            $"{_symbol}: recovered at sequence {_journaledSequence} with {_book?.OrderCount ?? 0} resting orders in {_recoveryMicros / 1000} ms (first answer of the stores after {_firstRecoveryMessageMicros / 1000} ms; {_writesSinceSnapshot} rows, {_eventsSinceSnapshot} events after the snapshot at {_snapshotBookSequence}){unlisted}"));
        StaggerFirstSnapshot();
    }

    /// <summary>Takes new trading rules; an existing book keeps every order and counter (it is re-imported under them).</summary>
    private void UseSpec(InstrumentSpec spec, bool fromJournal)
    {
        _spec = spec;
        _specFromJournal |= fromJournal;
        _book = _book is null ? new OrderBook(spec) : OrderBook.Import(spec, _book.Export());
    }
}
