using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>StopBook (handoff, passivation): finish the write in flight, snapshot, stop; the next instance wakes up identical.</summary>
public sealed class PassivationSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public async Task Should_finish_the_write_in_flight_and_snapshot_before_it_stops()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 10));
        Gate.Hold();
        var inFlight = Send(book, Limit(2, 201, Side.Sell, 1010, 20));
        await Gate.WhenArrived(2).WaitAsync(Deadline);
        var expected = StatusOf(book);

        book.Tell(StopBook.Instance, TestActor);
        ExpectNoMsg(Quiet); // neither the reply nor Terminated while the write is held

        Gate.Release();
        Assert.Equal(CommandStatus.Executed, ExpectResult(inFlight).Status);
        ExpectTerminated(book, Deadline);

        var snapshot = LatestSnapshot();
        Assert.NotNull(snapshot);
        Assert.Equal(expected.Sequence, snapshot.Book.Sequence);
        Assert.Equal(2, snapshot.Book.Orders.Count);
        Assert.Equal(2, snapshot.Dedup.Count);
    }

    [Fact]
    public async Task Should_answer_commands_that_arrive_after_the_stop_with_a_retryable_reject()
    {
        var book = StartBook();
        Gate.Hold();
        var inFlight = Send(book, Limit(1, 101, Side.Buy, 1000, 10));
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        book.Tell(StopBook.Instance, TestActor);

        // A hand-off races the region's buffering: this one reaches the stopping book and must not die with it.
        var late = Send(book, Limit(2, 201, Side.Sell, 1010, 20));
        Gate.Release();

        Assert.Equal(CommandStatus.Executed, ExpectResult(inFlight).Status);
        var answer = ExpectResult(late);
        Assert.Equal(CommandStatus.Rejected, answer.Status);
        Assert.Equal(RejectReason.ServiceUnavailable, answer.RejectReason);
        ExpectTerminated(book, Deadline);

        // Nothing of it was applied: the retry on the book's next home places it for real.
        var woken = StartBook();
        Assert.Equal(CommandStatus.Executed, Execute(woken, Limit(2, 201, Side.Sell, 1010, 20)).Status);
        Assert.Equal(2, StatusOf(woken).OrderCount);
    }

    [Fact]
    public void Should_wake_up_with_the_same_state_after_passivation()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 30));
        Execute(book, Limit(2, 201, Side.Sell, 1000, 10));
        Execute(book, Limit(2, 202, Side.Sell, 1020, 10));
        var before = StatusOf(book);
        Passivate(book);

        var woken = StartBook();
        Assert.Equal(before, StatusOf(woken));
        Assert.Equal(before.Sequence, LatestSnapshot()!.Book.Sequence);

        // And it keeps trading from where it left off: ids continue, the retry window is intact.
        Assert.Equal(4, Execute(woken, Limit(3, 301, Side.Buy, 990, 10)).OrderId);
        Assert.Equal(CommandStatus.Duplicate, Execute(woken, Limit(2, 202, Side.Sell, 1020, 10)).Status);
    }

    [Fact]
    public async Task Should_not_stop_or_snapshot_before_a_halt_it_accepted_is_journaled()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 10));
        Gate.Hold();
        book.Tell(new SetTradingHalt(Symbol, true, "manual"), TestActor);
        await Gate.WhenArrived(2).WaitAsync(Deadline);

        book.Tell(StopBook.Instance, TestActor);
        ExpectNoMsg(Quiet); // neither the halt's answer nor Terminated while its write is held

        Gate.Release();
        Assert.True(ExpectMsg<BookStatus>(Deadline).Halted);
        ExpectTerminated(book, Deadline);
        Assert.True(LatestSnapshot()!.Halted);
    }
}
