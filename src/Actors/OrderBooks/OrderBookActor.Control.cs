using Akka.Actor;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks;

public sealed partial class OrderBookActor
{
    private void ChangeInstrument(InstrumentSpec spec)
    {
        var problems = spec.Symbol == _symbol ? spec.Validate() : [$"spec for {spec.Symbol} was sent to the book of {_symbol}"];
        if (problems.Count > 0)
        {
            Sender.Tell(new InstrumentResult(_symbol, false, string.Join("; ", problems)));
            return;
        }

        // Applied now, so later commands see the new rules; answered once journaled. Replaying events does
        // not consult rules, so the order of this row among the batches does not change recovered state.
        UseSpec(spec, fromJournal: true);
        var replyTo = Sender;
        _controlWritesInFlight++;
        JournalThenRun(new InstrumentChanged(spec), _ =>
        {
            replyTo.Tell(new InstrumentResult(_symbol, true, string.Empty));
            OnControlJournaled();
        });
    }

    private void ChangeTradingStatus(SetTradingHalt halt)
    {
        if (_book is null)
        {
            Sender.Tell(Status());
            return;
        }

        _halted = halt.Halted;
        var replyTo = Sender;
        _controlWritesInFlight++;
        JournalThenRun(new TradingStatusChanged(halt.Halted, halt.Reason), _ =>
        {
            replyTo.Tell(Status());
            OnControlJournaled();
        });
    }

    private BookStatus Status() => new(
        _symbol,
        Listed: _book is not null,
        Halted: _halted,
        Sequence: _book?.Sequence ?? 0,
        JournaledSequence: _journaledSequence,
        OrderCount: _book?.OrderCount ?? 0,
        StateHash: _book?.ComputeStateHash() ?? 0,
        DedupEntries: _dedup.Count,
        RecoveryMicros: _recoveryMicros);

    private BookOrder[] OrdersOf(int maxOrders)
    {
        if (_book is null)
        {
            return [];
        }

        var limit = Math.Clamp(maxOrders, 0, 100_000);
        var bids = _book.GetOrders(Side.Buy, limit);
        return [.. bids, .. _book.GetOrders(Side.Sell, limit - bids.Count)];
    }

    private BookOrder? OrderOf(long accountId, long orderId) =>
        _book is not null && _book.TryGetOrder(orderId, out var order) && order.AccountId == accountId ? order : null;

    private BookDepth Depth(int depth)
    {
        if (_book is null)
        {
            return new BookDepth(_symbol, 0, 0, [], []);
        }

        depth = Math.Clamp(depth, 0, 1000);
        var bids = new PriceLevelView[depth];
        var asks = new PriceLevelView[depth];
        var bidCount = _book.GetDepth(Side.Buy, bids);
        var askCount = _book.GetDepth(Side.Sell, asks);
        return new BookDepth(_symbol, _book.Sequence, _book.LastTradePrice, bids[..bidCount], asks[..askCount]);
    }
}
