using Akka.Actor;
using Akka.Persistence;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.OrderBooks;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>Determinism of recovery: the latest snapshot plus the journal rows after it equals the full replay.</summary>
public sealed class SnapshotSpecs(ITestOutputHelper output) : BookSpec(output)
{
    private static readonly OrderBookSettings FrequentSnapshots = new() { SnapshotEveryEvents = 10 };

    /// <remarks>
    /// How this is sound: one journal, three readers. (1) The live book's status and depth. (2) A new instance
    /// recovering from the latest snapshot plus the tail: the snapshot is checked to exist and to end before the
    /// last event, and the journal's recovery interceptor counts fewer replayed rows than the journal holds. (3) After
    /// deleting every snapshot, a new instance that can only replay the whole journal (it replays every row).
    /// All three must agree on sequence, state hash, resting orders, retry window and depth.
    /// </remarks>
    [Fact]
    public async Task Should_recover_from_snapshot_and_tail_exactly_as_from_the_full_journal()
    {
        var book = StartBook(FrequentSnapshots);
        var flow = new RandomOrderFlow(seed: 42);
        Run(book, flow, commands: 300);

        // From here snapshots fail (the book only logs that), so the next commands form a tail after the last snapshot.
        await Snapshots.OnSave.Fail();
        Run(book, flow, commands: 20);
        var live = StatusOf(book);
        var liveDepth = DepthOf(book, depth: 1000);
        var snapshot = LatestSnapshot();
        Assert.NotNull(snapshot);
        Assert.InRange(snapshot.Book.Sequence, 1, live.Sequence - 1);
        var journalRows = Gate.Written.Count;

        // A crash: stopped from outside, so no final snapshot (every command was answered: nothing was pending).
        Crash(book);
        var replays = new ReplayCounter();
        await Journal.OnRecovery.SetInterceptorAsync(replays);

        var fromSnapshot = StartBook(FrequentSnapshots);
        Assert.Equal(live, StatusOf(fromSnapshot));
        AssertSameDepth(liveDepth, DepthOf(fromSnapshot, depth: 1000));
        Assert.InRange(replays.Replayed, 1, journalRows - 1);
        Crash(fromSnapshot);

        DeleteSnapshots();
        Assert.Null(LatestSnapshot());
        replays.Reset();
        var fromJournal = StartBook(FrequentSnapshots);
        Assert.Equal(live, StatusOf(fromJournal));
        AssertSameDepth(liveDepth, DepthOf(fromJournal, depth: 1000));
        Assert.Equal(journalRows, replays.Replayed);
        Assert.True(live.OrderCount > 0 && live.DedupEntries > 0, "the flow should leave resting orders and remembered ids");
    }

    [Fact]
    public void Should_snapshot_after_the_configured_number_of_journal_rows_however_few_events_they_hold()
    {
        var book = StartBook(new OrderBookSettings { SnapshotEveryEvents = 1_000_000, SnapshotEveryWrites = 5, StaggerFirstSnapshot = false });
        var flow = new RandomOrderFlow(seed: 7);

        // One command at a time: each is its own journal row.
        for (var i = 0; i < 4; i++)
        {
            flow.Observe(ExpectResult(Send(book, flow.Next())));
        }

        Assert.Null(LatestSnapshot());
        flow.Observe(ExpectResult(Send(book, flow.Next())));
        var sequence = StatusOf(book).Sequence;
        AwaitAssert(() => Assert.Equal(sequence, LatestSnapshot()?.Book.Sequence), Deadline);
    }

    [Fact]
    public void Should_take_the_first_snapshot_after_start_up_to_half_a_cadence_early_and_then_keep_the_cadence()
    {
        const int cadence = 20;
        var book = StartBook(new OrderBookSettings { SnapshotEveryEvents = 1_000_000, SnapshotEveryWrites = cadence });
        var flow = new RandomOrderFlow(seed: 11);

        // One command at a time, so row n of the journal ends at sequences[n - 1].
        var sequences = new List<long>();
        for (var i = 0; i < cadence * 2; i++)
        {
            flow.Observe(ExpectResult(Send(book, flow.Next())));
            sequences.Add(StatusOf(book).Sequence);
        }

        var lead = (int)(cadence * SnapshotStagger.LeadOf(Symbol));
        Assert.InRange(lead, 1, cadence / 2 - 1); // this symbol's lead is not 0, or the spec would show nothing
        var firstRow = cadence - lead;
        AwaitAssert(() => Assert.Equal(sequences[firstRow + cadence - 1], LatestSnapshot()?.Book.Sequence), Deadline);
        var latest = LoadSnapshot(long.MaxValue)!;
        var first = LoadSnapshot(latest.Metadata.SequenceNr - 1);
        Assert.Equal(sequences[firstRow - 1], (first?.Snapshot as BookSnapshotState)?.Book.Sequence);
        Assert.Null(LoadSnapshot(first!.Metadata.SequenceNr - 1));
    }

    [Fact]
    public void Should_spread_the_first_snapshots_of_different_symbols_over_half_a_cadence()
    {
        var leads = Enumerable.Range(1, 8).Select(i => SnapshotStagger.LeadOf($"SYM{i}")).ToList();

        Assert.All(leads, lead => Assert.InRange(lead, 0, 0.5));
        Assert.Equal(leads.Count, leads.Distinct().Count());
        Assert.Equal(0.326410971, SnapshotStagger.LeadOf("BTC-USD"), 9); // the same in every process and version
        Assert.True(leads.Max() - leads.Min() > 0.25, "eight symbols should spread over most of the half cadence");
    }

    private SelectedSnapshot? LoadSnapshot(long maxSequenceNr)
    {
        SnapshotStoreRef.Tell(new LoadSnapshot(OrderBookActor.PersistenceIdOf(Symbol), new SnapshotSelectionCriteria(maxSequenceNr), long.MaxValue), TestActor);
        return ExpectMsg<LoadSnapshotResult>(Deadline).Snapshot;
    }

    private void Run(IActorRef book, RandomOrderFlow flow, int commands)
    {
        // Chunks sent without waiting: writes then carry many commands, and snapshots fall between batches.
        for (var sent = 0; sent < commands;)
        {
            var chunk = Math.Min(25, commands - sent);
            var ids = new long[chunk];
            for (var i = 0; i < chunk; i++)
            {
                ids[i] = Send(book, flow.Next());
            }

            foreach (var id in ids)
            {
                flow.Observe(ExpectResult(id));
            }

            sent += chunk;
        }
    }

    private void Crash(IActorRef book)
    {
        Sys.Stop(book);
        ExpectTerminated(book, Deadline);
    }

    private static void AssertSameDepth(Protocol.BookDepth expected, Protocol.BookDepth actual)
    {
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.LastTradePrice, actual.LastTradePrice);
        Assert.Equal(expected.Bids, actual.Bids);
        Assert.Equal(expected.Asks, actual.Asks);
    }
}
