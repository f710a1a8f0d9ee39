using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>A journal that fails or rejects a write stops the book; nothing of that write is acknowledged or survives.</summary>
public sealed class JournalFailureSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public async Task Should_not_reply_when_the_write_fails_and_should_stop()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 10));
        var journaled = StatusOf(book);

        await WithJournalWrite(write => write.Fail(), () =>
        {
            Send(book, Limit(2, 201, Side.Sell, 1100, 20));

            // Terminated must be the next message: a reply to the failed command would come first and fail this.
            ExpectTerminated(book, Deadline);
            return Task.CompletedTask;
        });
        ExpectNoMsg(Quiet);

        var restarted = StartBook();
        Assert.Equal(journaled, StatusOf(restarted));
        var depth = DepthOf(restarted);
        Assert.Equal([new(1000, 10, 1)], depth.Bids);
        Assert.Empty(depth.Asks);

        // The failed order left no trace, not even in the retry window: the client's retry is a new order.
        var retry = Execute(restarted, Limit(2, 201, Side.Sell, 1100, 20));
        Assert.Equal(CommandStatus.Executed, retry.Status);
        Assert.Equal(2, retry.OrderId);
    }

    [Fact]
    public async Task Should_stop_and_acknowledge_nothing_of_a_rejected_write()
    {
        var book = StartBook();
        Gate.Hold();
        var first = Send(book, Limit(1, 101, Side.Buy, 1000, 10));
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        Send(book, Limit(2, 201, Side.Sell, 1100, 20));
        Send(book, Limit(3, 301, Side.Sell, 1000, 10));
        Assert.Equal(4, StatusOf(book).Sequence); // all three matched in memory: 1 + 1 + (accepted, trade) events

        // The first write completes; the second, carrying the two later commands, is rejected.
        await WithJournalWrite(write => write.Reject(), () =>
        {
            Gate.Release();
            Assert.Equal(CommandStatus.Executed, ExpectResult(first).Status);
            ExpectTerminated(book, Deadline);
            return Task.CompletedTask;
        });
        ExpectNoMsg(Quiet);

        var restarted = StartBook();
        var status = StatusOf(restarted);
        Assert.Equal(1, status.Sequence);
        Assert.Equal(1, status.OrderCount);
        Assert.Equal([new(1000, 10, 1)], DepthOf(restarted).Bids);
        Assert.Equal(CommandStatus.Executed, Execute(restarted, Limit(3, 301, Side.Sell, 1000, 10)).Status);
    }

    [Fact]
    public async Task Should_acknowledge_neither_a_command_nor_its_retry_when_their_write_fails()
    {
        var book = StartBook();
        Gate.Hold();
        Send(book, Limit(7, 700, Side.Buy, 1000, 10));
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        Send(book, Limit(7, 700, Side.Buy, 1000, 10)); // the client's retry, while the original is being written

        Gate.FailHeld();
        ExpectTerminated(book, Deadline);
        ExpectNoMsg(Quiet);

        // The journal never held the original: after the restart the retry is executed, once.
        var restarted = StartBook();
        var retry = Execute(restarted, Limit(7, 700, Side.Buy, 1000, 10));
        Assert.Equal(CommandStatus.Executed, retry.Status);
        Assert.Equal(1, retry.OrderId);
        Assert.Equal(1, StatusOf(restarted).OrderCount);
    }
}
