using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>A halted book refuses new and amended orders but lets participants cancel; the halt is journaled.</summary>
public sealed class TradingHaltSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public void Should_reject_places_and_amends_but_accept_cancels_while_halted()
    {
        var book = StartBook();
        var resting = Execute(book, Limit(1, 101, Side.Buy, 1000, 20));

        book.Tell(new SetTradingHalt(Symbol, true, "circuit breaker"), TestActor);
        Assert.True(ExpectMsg<BookStatus>(Deadline).Halted);
        Assert.IsType<OrderBooks.Journal.TradingStatusChanged>(Gate.Written[^1]);

        var place = Execute(book, Limit(2, 201, Side.Sell, 1000, 10));
        var amend = Execute(book, OrderCommand.Amend(1, resting.OrderId, 1000, 10, timestamp: 0, clientOrderId: 102));
        var cancel = Execute(book, OrderCommand.Cancel(1, resting.OrderId, timestamp: 0, clientOrderId: 103));

        Assert.Equal((CommandStatus.Rejected, RejectReason.SymbolHalted), (place.Status, place.RejectReason));
        Assert.Equal((CommandStatus.Rejected, RejectReason.SymbolHalted), (amend.Status, amend.RejectReason));
        Assert.Equal(CommandStatus.Executed, cancel.Status);
        Assert.Equal(CancelReason.Requested, Assert.Single(cancel.Events).CancelReason);
        Assert.Equal(0, StatusOf(book).OrderCount);
    }

    [Fact]
    public void Should_stay_halted_across_a_restart_until_resumed()
    {
        var book = StartBook();
        book.Tell(new SetTradingHalt(Symbol, true, "circuit breaker"), TestActor);
        ExpectMsg<BookStatus>(Deadline);
        Passivate(book);

        var restarted = StartBook();
        Assert.True(StatusOf(restarted).Halted);
        Assert.Equal(RejectReason.SymbolHalted, Execute(restarted, Limit(2, 201, Side.Sell, 1000, 10)).RejectReason);

        restarted.Tell(new SetTradingHalt(Symbol, false, "resumed"), TestActor);
        Assert.False(ExpectMsg<BookStatus>(Deadline).Halted);
        Assert.Equal(CommandStatus.Executed, Execute(restarted, Limit(2, 202, Side.Sell, 1000, 10)).Status);
    }
}
