using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// Makers and owners of expired orders are told through the node's account-events target, after the journal write,
/// since the reply of the command that caused the events goes to its sender only.
/// </summary>
public sealed class AccountEventsSpecs(ITestOutputHelper output) : BookSpec(output)
{
    [Fact]
    public async Task Should_send_the_maker_side_of_a_trade_only_after_its_batch_is_journaled()
    {
        var target = CreateTestProbe();
        var book = StartBook(OrderBookSettings.Default with { AccountEventsPath = target.Ref.Path.ToStringWithoutAddress() });
        Execute(book, Limit(1, 101, Side.Sell, 1000, 30));

        Gate.Hold();
        var taker = Send(book, Limit(2, 201, Side.Buy, 1000, 10));
        await Gate.WhenArrived(2).WaitAsync(Deadline);
        target.ExpectNoMsg(Quiet);

        Gate.Release();
        var events = target.ExpectMsg<AccountEvents>(Deadline);
        Assert.Equal(Symbol, events.Symbol);
        var trade = Assert.Single(events.Events);
        Assert.Equal((EventType.Trade, 1L, 101L, 20L), (trade.Type, trade.MakerAccountId, trade.MakerClientOrderId, trade.MakerLeavesQuantity));
        Assert.Equal(CommandStatus.Executed, ExpectResult(taker).Status);
    }

    [Fact]
    public void Should_send_nothing_for_batches_without_trades_or_expiries()
    {
        var target = CreateTestProbe();
        var book = StartBook(OrderBookSettings.Default with { AccountEventsPath = target.Ref.Path.ToStringWithoutAddress() });

        Execute(book, Limit(1, 101, Side.Sell, 1000, 30));
        Execute(book, OrderCommand.Cancel(1, 1, 0, clientOrderId: 102));

        target.ExpectNoMsg(Quiet);
    }

    [Fact]
    public void Should_send_expiries_that_the_book_found_on_its_own()
    {
        var target = CreateTestProbe();
        var settings = OrderBookSettings.Default with
        {
            AccountEventsPath = target.Ref.Path.ToStringWithoutAddress(),
            ExpiryCheckInterval = TimeSpan.FromMilliseconds(50),
        };
        var book = StartBook(settings);
        // Far enough ahead that a slow start (CI under load) cannot make the order expired on arrival; the expiry
        // sweep still finds it well within the deadline below.
        StatusOf(book);
        var expireAt = (DateTimeOffset.UtcNow.AddSeconds(2.5) - DateTimeOffset.UnixEpoch).Ticks * 100;
        var placed = Execute(book, Limit(1, 101, Side.Buy, 1000, 10) with { TimeInForce = TimeInForce.Gtd, ExpireAt = expireAt });
        Assert.Equal(RejectReason.None, placed.RejectReason);

        var events = target.ExpectMsg<AccountEvents>(Deadline);
        var expired = Assert.Single(events.Events);
        Assert.Equal((EventType.Expired, 1L, 101L), (expired.Type, expired.AccountId, expired.ClientOrderId));
    }
}
