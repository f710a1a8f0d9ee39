using LoomExchange.Cli.Bench;
using LoomExchange.Cli.Instruments;
using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Tests;

public sealed class BenchOrderFlowSpecs
{
    private static readonly List<BenchInstrument> Instruments = [.. DemoInstruments.All.Select(BenchInstrument.From)];

    [Fact]
    public void Should_place_orders_on_each_instruments_tick_and_lot_grid_within_two_percent_of_mid()
    {
        var flow = new BenchOrderFlow(Instruments, seed: 1);
        var bySymbol = Instruments.ToDictionary(i => i.Symbol);

        for (var n = 0; n < 20_000; n++)
        {
            if (flow.Next() is not NewOrder order)
            {
                continue;
            }

            var instrument = bySymbol[order.Symbol];
            var spec = instrument.Spec;
            Assert.Equal(0, order.Quantity % spec.LotSize);
            Assert.InRange(order.Quantity, spec.MinQuantity, spec.MaxQuantity);
            if (order.OrderType == OrderType.Limit)
            {
                Assert.Equal(0, order.Price % spec.TickSize);
                Assert.InRange(order.Price, instrument.Mid - (instrument.Mid / 15), instrument.Mid + (instrument.Mid / 15));
            }
            else
            {
                Assert.Equal(TimeInForce.Ioc, order.TimeInForce);
            }
        }
    }

    [Fact]
    public void Should_cancel_and_amend_only_orders_it_saw_resting()
    {
        var flow = new BenchOrderFlow(Instruments, seed: 2);
        var resting = new HashSet<long>();
        long nextOrderId = 0;
        for (var n = 0; n < 5_000; n++)
        {
            switch (flow.Next())
            {
                case NewOrder { OrderType: OrderType.Limit } order:
                    var id = ++nextOrderId;
                    resting.Add(id);
                    flow.Observe(Accepted(order, id));
                    break;
                case CancelOrder cancel:
                    Assert.True(resting.Remove(cancel.OrderId), $"cancelled unknown order {cancel.OrderId}");
                    break;
                case AmendOrder amend:
                    Assert.Contains(amend.OrderId, resting);
                    break;
                default:
                    break;
            }
        }

        Assert.True(nextOrderId > 1000);
    }

    [Fact]
    public void Should_forget_an_order_the_book_answers_is_unknown()
    {
        // One resting order whose fill report never came (it was lost with a session that ended).
        var flow = new BenchOrderFlow(Instruments, seed: 4);
        var first = Enumerable.Range(0, 100).Select(_ => flow.Next()).OfType<NewOrder>().First(o => o.OrderType == OrderType.Limit);
        flow.Observe(Accepted(first, 42));

        var amend = Enumerable.Range(0, 10_000).Select(_ => flow.Next()).OfType<AmendOrder>().First(a => a.OrderId == 42);
        flow.Observe(new ExecutionReport(
            ExecType.Rejected, 7, amend.Symbol, 42, 0, amend.Price, amend.Quantity, 0, 0, 0, 0, RejectReason.UnknownOrder, CancelReason.None, 0));

        var targets = Enumerable.Range(0, 10_000).Select(_ => flow.Next()).Select(r => r switch
        {
            AmendOrder a => a.OrderId,
            CancelOrder c => c.OrderId,
            _ => 0,
        });
        Assert.DoesNotContain(42L, targets);
    }

    [Fact]
    public void Should_mix_places_cancels_amends_and_market_orders_like_the_engine_benchmark()
    {
        var flow = new BenchOrderFlow(Instruments, seed: 3);
        var kinds = new Dictionary<string, int>();
        long nextOrderId = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var request = flow.Next();
            var kind = request is NewOrder o ? o.OrderType.ToString() : request.Type.ToString();
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (request is NewOrder { OrderType: OrderType.Limit } limit)
            {
                flow.Observe(Accepted(limit, ++nextOrderId));
            }
        }

        Assert.InRange(kinds["CancelOrder"], 5_000, 7_000);
        Assert.InRange(kinds["AmendOrder"], 2_400, 3_600);
        Assert.InRange(kinds["Market"], 600, 1_400);
        Assert.InRange(kinds["Limit"], 9_000, 11_000);
    }

    private static ExecutionReport Accepted(NewOrder order, long orderId) => new(
        ExecType.Accepted, 1, order.Symbol, orderId, order.Side, order.Price, order.Quantity, order.Quantity, 0, 0, 0, RejectReason.None, CancelReason.None, 0);
}
