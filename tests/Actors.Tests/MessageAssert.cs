using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Tests;

/// <summary>Structural comparison of serialized messages (records holding lists compare lists by reference).</summary>
public static class MessageAssert
{
    public static void Equivalent(object expected, object actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.IsType(expected.GetType(), actual);
        switch (expected)
        {
            case BookBatch batch:
                var actualBatch = (BookBatch)actual;
                Assert.Equal(batch.Commands, actualBatch.Commands);
                Assert.Equal(batch.Events, actualBatch.Events);
                break;
            case BookSnapshotState state:
                var actualState = (BookSnapshotState)actual;
                Assert.Equal(state.Spec, actualState.Spec);
                Assert.Equal(state.Halted, actualState.Halted);
                Assert.True(state.Book.ContentEquals(actualState.Book), "book snapshots differ");
                Assert.Equal(state.Dedup, actualState.Dedup);
                break;
            case BookCommandResult result:
                var actualResult = (BookCommandResult)actual;
                Assert.Equal(result with { Events = Array.Empty<OrderEvent>() }, actualResult with { Events = Array.Empty<OrderEvent>() });
                Assert.Equal(result.Events, actualResult.Events);
                break;
            case BookDepth depth:
                var actualDepth = (BookDepth)actual;
                Assert.Equal((depth.Symbol, depth.Sequence, depth.LastTradePrice), (actualDepth.Symbol, actualDepth.Sequence, actualDepth.LastTradePrice));
                Assert.Equal(depth.Bids, actualDepth.Bids);
                Assert.Equal(depth.Asks, actualDepth.Asks);
                break;
            case AccountEvents accountEvents:
                var actualAccountEvents = (AccountEvents)actual;
                Assert.Equal(accountEvents.Symbol, actualAccountEvents.Symbol);
                Assert.Equal(accountEvents.Events, actualAccountEvents.Events);
                break;
            case BookOrders orders:
                var actualOrders = (BookOrders)actual;
                Assert.Equal((orders.Symbol, orders.Sequence), (actualOrders.Symbol, actualOrders.Sequence));
                Assert.Equal(orders.Orders, actualOrders.Orders);
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
