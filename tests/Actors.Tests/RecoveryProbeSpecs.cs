using Akka.Actor;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Startup;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>The warm-up's read-only recoveries of real ids: real rows read once before ready, the owner untouched, never a hang.</summary>
public sealed class RecoveryProbeSpecs(ITestOutputHelper output) : BookSpec(output)
{
    private static readonly RecoveryProbeTarget BookTarget = new(OrderBookActor.PersistenceIdOf(Symbol), null);

    [Fact]
    public async Task Should_read_a_real_books_rows_before_reporting_warm_and_leave_the_book_as_it_was()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 10));
        Execute(book, Limit(2, 201, Side.Sell, 1010, 20));
        var before = StatusOf(book);

        var status = new PersistenceWarmupStatus();
        var warmup = Sys.ActorOf(PersistenceWarmup.Props(status, [BookTarget, new RecoveryProbeTarget("never-written", null)]));
        Watch(warmup);
        await status.Warm.WaitAsync(Deadline);

        Assert.True(status.ProbedMessages >= 2, $"probed {status.ProbedMessages} messages, expected both journaled batches");
        Assert.Equal(0, status.ProbeFailures);
        ExpectTerminated(warmup, Deadline);

        // Read-only: the live book still answers, with the same state, and its next write lands after the old ones.
        Assert.Equal(before.StateHash, StatusOf(book).StateHash);
        Assert.Equal(CommandStatus.Executed, Execute(book, Limit(3, 301, Side.Buy, 990, 10)).Status);
        Passivate(book);
        Assert.Equal(3, StatusOf(StartBook()).OrderCount);
    }

    [Fact]
    public async Task Should_report_warm_when_a_probe_cannot_read_its_id()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 10));

        await WithJournalRecovery(
            recovery => recovery.Fail(),
            async () =>
            {
                // The warm-up's own id has no events, so only the probe of the book meets the failing replay.
                var status = new PersistenceWarmupStatus();
                Sys.ActorOf(PersistenceWarmup.Props(status, [BookTarget]));
                await status.Warm.WaitAsync(Deadline);
                Assert.Equal(1, status.ProbeFailures);
            });
    }
}
