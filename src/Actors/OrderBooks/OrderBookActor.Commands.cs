using Akka.Actor;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Engine;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.OrderBooks;

public sealed partial class OrderBookActor
{
    private void HandleOrderCommand(BookCommand message, IActorRef? replyTo = null)
    {
        replyTo ??= Sender;
        if (_holdForSnapshot || _stopping || _pendingOutcomes.Count >= _settings.MaxCommandsPerWrite)
        {
            // Wait for the write in flight: before a snapshot, while stopping, or to bound one row's size.
            Stash.Stash();
            return;
        }

        if (_book is null)
        {
            RejectNow(replyTo, message, RejectReason.UnknownSymbol);
            return;
        }

        var command = message.Command with { Timestamp = NextTimestamp() };
        if (command.ClientOrderId != 0 && _dedup.TryGet(command.AccountId, command.ClientOrderId, out var original))
        {
            AnswerRetry(replyTo, message, command, original);
            return;
        }

        if (command.Type is CommandType.Place or CommandType.Amend && _settings.Blocklist?.IsBlocked(command.AccountId) == true)
        {
            // The kill switch, like a halt, leaves cancels open: the account's exposure can only shrink.
            RejectNow(replyTo, message, RejectReason.AccountBlocked);
            return;
        }

        if (_halted && command.Type is CommandType.Place or CommandType.Amend)
        {
            // Cancels stay allowed during a halt: participants must be able to reduce their exposure.
            RejectNow(replyTo, message, RejectReason.SymbolHalted);
            return;
        }

        var firstEvent = _pendingEvents.Count;
        _book.Process(command, _pendingEvents);
        var eventCount = _pendingEvents.Count - firstEvent;
        if (eventCount == 0 && command.Type == CommandType.AdvanceTime)
        {
            return;
        }

        var (orderId, reason) = OutcomeOf(command, _pendingEvents.Events.Slice(firstEvent, eventCount));
        _pendingOutcomes.Add(new CommandOutcome(command.AccountId, command.ClientOrderId, command.Type, orderId, reason, eventCount));
        _dedup.Remember(new DedupEntry(command.AccountId, command.ClientOrderId, command.Type, orderId, reason, _book.Sequence));
        if (!replyTo.IsNobody())
        {
            var status = reason == RejectReason.None ? CommandStatus.Executed : CommandStatus.Rejected;
            _pendingReplies.Add(new PendingReply(replyTo, message.CorrelationId, status, orderId, reason, firstEvent, eventCount));
        }

        if (_batchWritesInFlight < _maxBatchWritesInFlight)
        {
            WritePendingBatch();
        }
    }

    /// <summary>The order a command created or targeted, and its reject reason, read from its own events.</summary>
    private static (long OrderId, RejectReason Reason) OutcomeOf(in OrderCommand command, ReadOnlySpan<OrderEvent> events)
    {
        // Expiries of other orders may come first; the command's own Accepted or Rejected decides.
        foreach (ref readonly var e in events)
        {
            if (e.Type == EventType.Rejected && e.RejectedCommand == command.Type)
            {
                return (command.OrderId, e.RejectReason);
            }

            if (e.Type == EventType.Accepted && command.Type == CommandType.Place)
            {
                return (e.OrderId, RejectReason.None);
            }
        }

        return (command.OrderId, RejectReason.None);
    }

    private void AnswerRetry(IActorRef replyTo, BookCommand message, in OrderCommand command, in DedupEntry original)
    {
        if (original.Type != command.Type)
        {
            RejectNow(replyTo, message, RejectReason.DuplicateClientOrderId);
            return;
        }

        var reply = new BookCommandResult(_symbol, message.CorrelationId, CommandStatus.Duplicate, original.OrderId, original.RejectReason, []);

        // The sequence alone cannot tell: a command without events (a mass cancel of nothing) leaves it unchanged.
        if (original.Sequence <= _journaledSequence && !AwaitsJournal(command.AccountId, command.ClientOrderId))
        {
            replyTo.Tell(reply);
            return;
        }

        // The original is not journaled yet: answer once it is, with the batch that carries it (or a later one).
        _pendingReplies.Add(new PendingReply(replyTo, message.CorrelationId, CommandStatus.Duplicate, original.OrderId, original.RejectReason, 0, 0));
    }

    /// <summary>Whether the outcome of (account, client order id) is in the write in flight or waiting for the next one.</summary>
    private bool AwaitsJournal(long accountId, long clientOrderId)
    {
        foreach (var outcome in _pendingOutcomes)
        {
            if (outcome.AccountId == accountId && outcome.ClientOrderId == clientOrderId)
            {
                return true;
            }
        }

        foreach (var batch in _inFlightOutcomes)
        {
            foreach (var outcome in batch)
            {
                if (outcome.AccountId == accountId && outcome.ClientOrderId == clientOrderId)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void RejectNow(IActorRef replyTo, BookCommand message, RejectReason reason) =>
        replyTo.Tell(new BookCommandResult(_symbol, message.CorrelationId, CommandStatus.Rejected, message.Command.OrderId, reason, []));

    private void WritePendingBatch()
    {
        if (_pendingOutcomes.Count == 0)
        {
            if (_batchWritesInFlight > 0)
            {
                // Retries whose originals may be in a write still in flight: answered when the last of those completes.
                return;
            }

            // Only retries whose originals were journaled by the writes that completed: answer them now.
            foreach (var reply in _pendingReplies)
            {
                reply.ReplyTo.Tell(new BookCommandResult(_symbol, reply.CorrelationId, reply.Status, reply.OrderId, reply.RejectReason, []));
            }

            _pendingReplies.Clear();
            return;
        }

        var events = _pendingEvents.ToArray();
        var outcomes = _pendingOutcomes.ToArray();
        _inFlightOutcomes.Enqueue(outcomes);
        var batch = new BookBatch(outcomes, events);
        var replies = _pendingReplies.ToArray();
        var sequence = _book!.Sequence;
        _pendingOutcomes.Clear();
        _pendingReplies.Clear();
        _pendingEvents.Clear();
        _batchWritesInFlight++;
        JournalThenRun(batch, _ => OnBatchJournaled(events, replies, sequence));
    }

    private void OnBatchJournaled(OrderEvent[] events, PendingReply[] replies, long sequence)
    {
        _batchWritesInFlight--;
        _inFlightOutcomes.Dequeue();
        _journaledSequence = sequence;
        _eventsSinceSnapshot += events.Length;
        _writesSinceSnapshot++;
        foreach (var reply in replies)
        {
            // Not `[]`: target-typed to ArraySegment it is default(ArraySegment), which throws when enumerated (and serialized).
            IReadOnlyList<OrderEvent> replyEvents = reply.EventCount == 0 ? Array.Empty<OrderEvent>() : new ArraySegment<OrderEvent>(events, reply.FirstEvent, reply.EventCount);
            reply.ReplyTo.Tell(new BookCommandResult(_symbol, reply.CorrelationId, reply.Status, reply.OrderId, reply.RejectReason, replyEvents));
        }

        PublishAccountEvents(events);

        var snapshotDue = _eventsSinceSnapshot + _snapshotLeadEvents >= _settings.SnapshotEveryEvents
            || _writesSinceSnapshot + _snapshotLeadWrites >= _settings.SnapshotEveryWrites;
        if (snapshotDue && _directWriter is null)
        {
            if (_batchWritesInFlight == 0 && _pendingOutcomes.Count == 0 && _controlWritesInFlight == 0)
            {
                SaveBookSnapshot();
            }
            else
            {
                // A snapshot must hold journaled state only: write what is pending (and let rule or halt changes
                // finish their writes), hold new commands meanwhile, snapshot after.
                _holdForSnapshot = true;
            }
        }

        WritePendingBatch();
        if (_directWriter is not null && (snapshotDue || _holdForSnapshot))
        {
            // Everything in memory is now in queued rows: capture here; it is sent once the last of them commits.
            SaveBookSnapshot();
        }

        if (!_holdForSnapshot && !_stopping)
        {
            // (While stopping, held commands stay stashed: StopWhenIdle answers them, since unstashed ones would die with the actor.)
            Stash.UnstashAll();
        }

        StopWhenIdle();
    }

    private void SaveBookSnapshot()
    {
        if (_book is null)
        {
            return;
        }

        SaveBookSnapshotState(new BookSnapshotState(_specFromJournal ? _spec : null, _halted, _book.Export(), _dedup.Export()));
        _snapshotBookSequence = _book.Sequence;
        _eventsSinceSnapshot = 0;
        _writesSinceSnapshot = 0;
        _snapshotLeadEvents = 0;
        _snapshotLeadWrites = 0;
        if (_holdForSnapshot)
        {
            _holdForSnapshot = false;
            if (!_stopping)
            {
                Stash.UnstashAll();
            }
        }
    }

    /// <summary>A rule or halt change was journaled: a snapshot or a stop that waited for it may go ahead.</summary>
    private void OnControlJournaled()
    {
        _controlWritesInFlight--;
        if (_holdForSnapshot && _batchWritesInFlight == 0 && _pendingOutcomes.Count == 0 && _controlWritesInFlight == 0)
        {
            SaveBookSnapshot();
        }

        StopWhenIdle();
    }

    private void StopWhenIdle()
    {
        if (!_stopping || _batchWritesInFlight > 0 || _pendingOutcomes.Count > 0 || _controlWritesInFlight > 0)
        {
            return;
        }

        if (_eventsSinceSnapshot > 0)
        {
            SaveBookSnapshot();
        }

        // Commands that reached the book after the stop (a hand-off races the region's buffering) were never matched:
        // answer them with a retryable reject instead of letting them die with the actor. A retry with the same client
        // order id reaches the book's next home.
        foreach (var envelope in Stash.ClearStash())
        {
            if (envelope.Message is BookCommand command)
            {
                RejectNow(envelope.Sender, command, RejectReason.ServiceUnavailable);
            }
        }

        Context.Stop(Self);
    }
}
