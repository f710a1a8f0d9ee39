using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>Acknowledged means durable: a book answers a command only after the journal holds its events.</summary>
public sealed class DurableReplySpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public async Task Should_not_reply_before_the_journal_write_completes()
    {
        var book = StartBook();
        Gate.Hold();

        var id = Send(book, Limit(1, 101, Side.Buy, 1000, 10));
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        ExpectNoMsg(Quiet);

        Gate.Release();
        var result = ExpectResult(id);
        Assert.Equal(CommandStatus.Executed, result.Status);
        Assert.Equal(1, result.OrderId);
        Assert.Equal(EventType.Accepted, Assert.Single(result.Events).Type);
        Assert.Single(Gate.WrittenBatches);
    }

    [Fact]
    public async Task Should_answer_every_command_of_a_batch_only_once_that_batch_is_journaled()
    {
        var book = StartBook();
        Gate.Hold();
        var first = Send(book, Limit(1, 101, Side.Buy, 1000, 10));
        await Gate.WhenArrived(1).WaitAsync(Deadline);

        // Matched while the first write is held: their events wait for the next write.
        var second = Send(book, Limit(2, 201, Side.Sell, 1000, 10));
        var third = Send(book, Limit(2, 202, Side.Sell, 1005, 10));
        var inMemory = StatusOf(book);
        Assert.Equal(4, inMemory.Sequence);
        Assert.Equal(0, inMemory.JournaledSequence);
        ExpectNoMsg(Quiet);

        Gate.Release();
        Assert.Equal(CommandStatus.Executed, ExpectResult(first).Status);
        var trade = ExpectResult(second);
        Assert.Equal([EventType.Accepted, EventType.Trade], trade.Events.Select(e => e.Type));
        Assert.Equal(CommandStatus.Executed, ExpectResult(third).Status);
        Assert.Equal(inMemory.Sequence, StatusOf(book).JournaledSequence);
    }
}
