using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>After a crash (a failed write) the book comes back from the journal with every acknowledged order.</summary>
public sealed class RecoverySpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public async Task Should_recover_every_acknowledged_order_after_a_journal_failure()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 30));
        Execute(book, Limit(1, 102, Side.Buy, 995, 20));
        Execute(book, Limit(2, 201, Side.Sell, 1010, 40));
        Execute(book, Limit(3, 301, Side.Sell, 1000, 10)); // trades 10 against order 1
        var amended = Execute(book, OrderCommand.Amend(2, 3, 1015, 30, timestamp: 0, clientOrderId: 202));
        Assert.Equal(CommandStatus.Executed, amended.Status);
        var cancelled = Execute(book, OrderCommand.Cancel(1, 2, timestamp: 0, clientOrderId: 103));
        Assert.Equal(CommandStatus.Executed, cancelled.Status);
        var before = StatusOf(book);
        var depthBefore = DepthOf(book);

        await WithJournalWrite(write => write.Fail(), () =>
        {
            Send(book, Limit(4, 401, Side.Buy, 990, 10));
            ExpectTerminated(book, Deadline);
            return Task.CompletedTask;
        });

        var restarted = StartBook();
        Assert.Equal(before, StatusOf(restarted));
        var depthAfter = DepthOf(restarted);
        Assert.Equal(depthBefore.Sequence, depthAfter.Sequence);
        Assert.Equal(depthBefore.LastTradePrice, depthAfter.LastTradePrice);
        Assert.Equal(depthBefore.Bids, depthAfter.Bids);
        Assert.Equal(depthBefore.Asks, depthAfter.Asks);
        Assert.Equal(1000, depthAfter.LastTradePrice);
        Assert.Equal([new(1000, 20, 1)], depthAfter.Bids);
        Assert.Equal([new(1015, 30, 1)], depthAfter.Asks);
    }

    [Fact]
    public async Task Should_stop_without_answering_when_its_recovery_fails_and_recover_fully_later()
    {
        var book = StartBook();
        Execute(book, Limit(1, 101, Side.Buy, 1000, 30));
        Execute(book, Limit(2, 201, Side.Sell, 1010, 10));
        var before = StatusOf(book);
        Passivate(book);
        DeleteSnapshots(); // recovery must read the journal

        await WithJournalRecovery(recovery => recovery.Fail(), () =>
        {
            var failing = StartBook();
            Send(failing, Limit(3, 301, Side.Buy, 995, 10));
            ExpectTerminated(failing, Deadline);
            return Task.CompletedTask;
        });
        ExpectNoMsg(Quiet);

        var recovered = StartBook();
        Assert.Equal(before, StatusOf(recovered));
        Assert.Equal(CommandStatus.Executed, Execute(recovered, Limit(3, 301, Side.Buy, 995, 10)).Status);
    }
}
