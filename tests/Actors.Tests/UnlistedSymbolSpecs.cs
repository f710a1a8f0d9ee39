using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>A book whose symbol is listed nowhere refuses orders at once and journals nothing.</summary>
public sealed class UnlistedSymbolSpecs(ITestOutputHelper output) : BookSpec(output)
{
    private const string Unlisted = "ETH-USD";

    [Fact]
    public void Should_reject_orders_for_an_unknown_symbol_and_persist_nothing()
    {
        var book = StartBook(registry: new InstrumentRegistry([]), symbol: Unlisted);

        var place = Execute(book, Limit(1, 101, Side.Buy, 1000, 10), Unlisted);
        var cancel = Execute(book, OrderCommand.Cancel(1, 1, timestamp: 0, clientOrderId: 102), Unlisted);

        Assert.Equal((CommandStatus.Rejected, RejectReason.UnknownSymbol), (place.Status, place.RejectReason));
        Assert.Equal((CommandStatus.Rejected, RejectReason.UnknownSymbol), (cancel.Status, cancel.RejectReason));
        Assert.Empty(place.Events);
        var status = StatusOf(book, Unlisted);
        Assert.False(status.Listed);
        Assert.Equal(0, status.Sequence);
        Assert.Equal(0, status.DedupEntries);
        Assert.Empty(Gate.Arrived);
    }
}
