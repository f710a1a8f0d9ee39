using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>A retry with the same (account, client order id) never creates a second order, before or after a restart.</summary>
public sealed class DedupSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public void Should_answer_a_retry_after_a_restart_with_the_original_order_and_create_nothing()
    {
        var book = StartBook();
        var original = Execute(book, Limit(7, 700, Side.Buy, 1000, 10));
        Assert.Equal(CommandStatus.Executed, original.Status);
        Passivate(book);

        var restarted = StartBook();
        var before = StatusOf(restarted);
        var retry = Execute(restarted, Limit(7, 700, Side.Buy, 1000, 10));

        Assert.Equal(CommandStatus.Duplicate, retry.Status);
        Assert.Equal(original.OrderId, retry.OrderId);
        Assert.Equal(RejectReason.None, retry.RejectReason);
        Assert.Empty(retry.Events);
        Assert.Equal(before, StatusOf(restarted));
        Assert.Equal(1, before.OrderCount);
    }

    [Fact]
    public void Should_answer_a_retry_of_a_rejected_command_with_the_original_reject()
    {
        var book = StartBook();
        var original = Execute(book, Limit(7, 701, Side.Buy, 1003, 10));
        Assert.Equal(RejectReason.TickSizeViolation, original.RejectReason);
        Passivate(book);

        var restarted = StartBook();
        var retry = Execute(restarted, Limit(7, 701, Side.Buy, 1003, 10));
        Assert.Equal(CommandStatus.Duplicate, retry.Status);
        Assert.Equal(RejectReason.TickSizeViolation, retry.RejectReason);
    }

    [Fact]
    public void Should_reject_a_client_order_id_reused_for_another_command_type()
    {
        var book = StartBook();
        var placed = Execute(book, Limit(7, 700, Side.Buy, 1000, 10));
        Passivate(book);

        var restarted = StartBook();
        var before = StatusOf(restarted);
        var cancel = Execute(restarted, OrderCommand.Cancel(7, placed.OrderId, timestamp: 0, clientOrderId: 700));

        Assert.Equal(CommandStatus.Rejected, cancel.Status);
        Assert.Equal(RejectReason.DuplicateClientOrderId, cancel.RejectReason);
        Assert.Equal(before, StatusOf(restarted));

        // The same client order id under another account is another command altogether.
        Assert.Equal(CommandStatus.Executed, Execute(restarted, Limit(8, 700, Side.Buy, 1000, 10)).Status);
    }

    [Fact]
    public async Task Should_answer_a_retry_of_an_in_flight_command_only_after_its_write_completes()
    {
        var book = StartBook();
        Gate.Hold();
        var original = Send(book, Limit(7, 700, Side.Buy, 1000, 10));
        await Gate.WhenArrived(1).WaitAsync(Deadline);

        var retry = Send(book, Limit(7, 700, Side.Buy, 1000, 10));
        ExpectNoMsg(Quiet);

        Gate.Release();
        var originalResult = ExpectResult(original);
        var retryResult = ExpectResult(retry);
        Assert.Equal(CommandStatus.Executed, originalResult.Status);
        Assert.Equal(CommandStatus.Duplicate, retryResult.Status);
        Assert.Equal(originalResult.OrderId, retryResult.OrderId);
        Assert.Equal(1, StatusOf(book).OrderCount);
        Assert.Single(Gate.WrittenBatches);
    }

    [Fact]
    public async Task Should_answer_a_retry_of_a_command_waiting_for_the_next_write_only_after_that_write()
    {
        var book = StartBook();
        Gate.Hold();
        var first = Send(book, Limit(1, 100, Side.Buy, 990, 10));
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        var original = Send(book, Limit(7, 700, Side.Buy, 1000, 10)); // waits for the next write
        var retry = Send(book, Limit(7, 700, Side.Buy, 1000, 10));
        ExpectNoMsg(Quiet);

        Gate.Release();
        ExpectResult(first);
        var originalResult = ExpectResult(original);
        var retryResult = ExpectResult(retry);
        Assert.Equal(CommandStatus.Duplicate, retryResult.Status);
        Assert.Equal(originalResult.OrderId, retryResult.OrderId);
        Assert.Equal([1, 1], Gate.WrittenBatches.Select(b => b.Commands.Count));
    }

    [Fact]
    public async Task Should_answer_a_retry_of_an_in_flight_command_without_events_only_after_its_write_completes()
    {
        // A mass cancel of an account with no orders produces no event, so the book's sequence does not move:
        // the retry must still wait for the write that journals the original's outcome.
        var book = StartBook();
        Execute(book, Limit(1, 100, Side.Buy, 990, 10));
        Gate.Hold();
        var original = Send(book, OrderCommand.MassCancel(9, timestamp: 0, clientOrderId: 900));
        await Gate.WhenArrived(2).WaitAsync(Deadline);

        var retry = Send(book, OrderCommand.MassCancel(9, timestamp: 0, clientOrderId: 900));
        ExpectNoMsg(Quiet);

        Gate.Release();
        var originalResult = ExpectResult(original);
        Assert.Equal(CommandStatus.Executed, originalResult.Status);
        Assert.Empty(originalResult.Events);
        Assert.Equal(CommandStatus.Duplicate, ExpectResult(retry).Status);
    }
}
