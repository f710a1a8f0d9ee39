using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>Trading rules set at run time: validated, journaled, answered after the write, kept across restarts.</summary>
public sealed class SetInstrumentSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public void Should_refuse_an_invalid_spec_with_its_problems_and_journal_nothing()
    {
        var book = StartBook();

        book.Tell(new SetInstrument(BtcUsd with { TickSize = 0, MinQuantity = 0 }), TestActor);
        var result = ExpectMsg<InstrumentResult>(Deadline);

        Assert.False(result.Accepted);
        Assert.Contains("tick size 0 must be between 1 and", result.Error, StringComparison.Ordinal);
        Assert.Contains("quantity limits", result.Error, StringComparison.Ordinal);
        Assert.Empty(Gate.Arrived);
        Assert.Equal(RejectReason.None, Execute(book, Limit(1, 101, Side.Buy, 1005, 10)).RejectReason);
    }

    [Fact]
    public void Should_refuse_a_spec_for_another_symbol()
    {
        var book = StartBook();

        book.Tell(new SetInstrument(BtcUsd with { Symbol = "ETH-USD" }), TestActor);
        var result = ExpectMsg<InstrumentResult>(Deadline);

        Assert.False(result.Accepted);
        Assert.Contains("ETH-USD", result.Error, StringComparison.Ordinal);
        Assert.Empty(Gate.Arrived);
    }

    [Fact]
    public async Task Should_answer_a_valid_spec_after_its_write_and_apply_it_to_later_orders()
    {
        var book = StartBook();
        Gate.Hold();
        book.Tell(new SetInstrument(BtcUsd with { TickSize = 10 }), TestActor);
        await Gate.WhenArrived(1).WaitAsync(Deadline);
        ExpectNoMsg(Quiet);

        Gate.Release();
        Assert.True(ExpectMsg<InstrumentResult>(Deadline).Accepted);
        Assert.IsType<InstrumentChanged>(Assert.Single(Gate.Written));
        Assert.Equal(RejectReason.TickSizeViolation, Execute(book, Limit(1, 101, Side.Buy, 1005, 10)).RejectReason);
    }

    [Fact]
    public void Should_list_an_unlisted_symbol_and_keep_its_rules_across_a_restart()
    {
        var empty = new InstrumentRegistry([]);
        var eth = BtcUsd with { Symbol = "ETH-USD", TickSize = 10 };
        var book = StartBook(registry: empty, symbol: eth.Symbol);
        book.Tell(new SetInstrument(eth), TestActor);
        Assert.True(ExpectMsg<InstrumentResult>(Deadline).Accepted);
        Assert.Equal(CommandStatus.Executed, Execute(book, Limit(1, 101, Side.Buy, 1000, 10), eth.Symbol).Status);
        var before = StatusOf(book, eth.Symbol);
        Passivate(book);

        // The configuration still lists nothing: the rules come from the journal (here the snapshot).
        var restarted = StartBook(registry: empty, symbol: eth.Symbol);
        Assert.Equal(before, StatusOf(restarted, eth.Symbol));
        Assert.Equal(RejectReason.TickSizeViolation, Execute(restarted, Limit(1, 102, Side.Buy, 1005, 10), eth.Symbol).RejectReason);
    }
}
