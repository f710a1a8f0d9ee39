using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>Rejects by the engine's rules are events like any other: journaled, and answered only after the write.</summary>
public sealed class OrderRuleRejectSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Theory]
    [InlineData(1003, 10, RejectReason.TickSizeViolation)]
    [InlineData(1000, 15, RejectReason.LotSizeViolation)]
    public async Task Should_journal_a_rule_reject_and_answer_it_after_the_write(long price, long quantity, RejectReason expected)
    {
        var book = StartBook();
        Gate.Hold();
        var id = Send(book, Limit(1, 101, Side.Buy, price, quantity));
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        ExpectNoMsg(Quiet);

        Gate.Release();
        var result = ExpectResult(id);
        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(expected, result.RejectReason);
        var rejected = Assert.Single(result.Events);
        Assert.Equal((EventType.Rejected, CommandType.Place, expected), (rejected.Type, rejected.RejectedCommand, rejected.RejectReason));

        var journaled = Assert.Single(Gate.WrittenBatches);
        Assert.Equal(expected, Assert.Single(journaled.Commands).RejectReason);
        Assert.Equal(0, StatusOf(book).OrderCount);
    }
}
