using Akka.Actor;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Actors.OrderBooks;

public sealed partial class OrderBookActor
{
    /// <summary>
    /// An operator's snapshot: taken at once when nothing is unjournaled (with direct writes: when everything is in
    /// queued rows, and sent when they commit), otherwise after holding new commands until the pending ones are
    /// written. Answered when the snapshot store confirms.
    /// </summary>
    private void SnapshotOnRequest()
    {
        if (_book is null)
        {
            Sender.Tell(new BookSnapshotTaken(_symbol, false, 0, 0, $"{_symbol} is not listed: there is no book to snapshot"));
            return;
        }

        _snapshotRequests.Add(Sender);
        if (_snapshotRequests.Count > 1 || _holdForSnapshot)
        {
            // A snapshot is already coming: its answer serves this request too.
            return;
        }

        var journaledBoundary = _directWriter is not null
            ? _pendingOutcomes.Count == 0
            : _batchWritesInFlight == 0 && _pendingOutcomes.Count == 0 && _controlWritesInFlight == 0;
        if (journaledBoundary)
        {
            SaveBookSnapshot();
        }
        else
        {
            _holdForSnapshot = true;
        }
    }

    /// <summary>Brings this book's first routine snapshot after start forward (see <see cref="SnapshotStagger"/>).</summary>
    private void StaggerFirstSnapshot()
    {
        if (!_settings.StaggerFirstSnapshot)
        {
            return;
        }

        var fraction = SnapshotStagger.LeadOf(_symbol);
        _snapshotLeadEvents = (long)(_settings.SnapshotEveryEvents * fraction);
        _snapshotLeadWrites = (long)(_settings.SnapshotEveryWrites * fraction);
    }

    private void AnswerSnapshotRequests(BookSnapshotTaken answer)
    {
        foreach (var requester in _snapshotRequests)
        {
            requester.Tell(answer);
        }

        _snapshotRequests.Clear();
    }
}
