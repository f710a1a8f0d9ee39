using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>Group commit: commands that arrive during a write share the next write, and are answered after it.</summary>
public sealed class SmartBatchingSpecs(ITestOutputHelper output) : BookSpec(output)
{
    private const int Commands = 100;

    [Fact]
    public async Task Should_journal_the_commands_that_arrive_during_a_write_as_one_batch_and_answer_them_after_it()
    {
        var book = StartBook();
        Gate.Hold();
        var ids = new List<long> { Send(book, Limit(1, 1, Side.Buy, 900, 10)) };
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        for (var i = 1; i < Commands; i++)
        {
            var side = i % 2 == 0 ? Side.Buy : Side.Sell;
            var price = side == Side.Buy ? 950 - (i % 10 * 5) : 1050 + (i % 10 * 5);
            ids.Add(Send(book, Limit(1 + (i % 4), 1 + i, side, price, 10)));
        }

        // Mailboxes are FIFO: once the status answers, every command above has been matched in memory.
        Assert.Equal(Commands, StatusOf(book).OrderCount);
        ExpectNoMsg(Quiet);
        Assert.Single(Gate.Arrived);

        Gate.Release();
        foreach (var id in ids)
        {
            Assert.Equal(CommandStatus.Executed, ExpectResult(id).Status);
        }

        var batches = Gate.WrittenBatches;
        Assert.Equal([1, Commands - 1], batches.Select(b => b.Commands.Count));
        Assert.True(batches.Count < Commands);
        Assert.Equal(Commands, StatusOf(book).JournaledSequence);
    }

    [Fact]
    public void Should_write_one_command_per_batch_when_commands_arrive_one_at_a_time()
    {
        var book = StartBook();
        for (var i = 0; i < 5; i++)
        {
            Execute(book, Limit(1, 1 + i, Side.Buy, 900 + (i * 5), 10));
        }

        Assert.Equal([1, 1, 1, 1, 1], Gate.WrittenBatches.Select(b => b.Commands.Count));
    }

    [Fact]
    public async Task Should_cap_a_batch_at_the_configured_number_of_commands()
    {
        var book = StartBook(new() { MaxCommandsPerWrite = 10 });
        Gate.Hold();
        var ids = new List<long> { Send(book, Limit(1, 1, Side.Buy, 900, 10)) };
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        for (var i = 1; i < 25; i++)
        {
            ids.Add(Send(book, Limit(1, 1 + i, Side.Buy, 900, 10)));
        }

        Gate.Release();
        foreach (var id in ids)
        {
            Assert.Equal(CommandStatus.Executed, ExpectResult(id).Status);
        }

        Assert.All(Gate.WrittenBatches, b => Assert.InRange(b.Commands.Count, 1, 10));
        Assert.Equal(25, Gate.WrittenBatches.Sum(b => b.Commands.Count));
    }
}
