using LoomExchange.Messages.Orders;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// The engine benchmark's mix (bench/…/Books/OrderFlow.cs) on real instrument grids: ~50% limit orders around a
/// slowly moving mid (a quarter of them crossing), 30% cancels and 15% amends of this connection's own resting orders
/// (learned from its reports), 5% market IOC. Not thread-safe: the connection serialises calls.
/// </summary>
internal sealed class BenchOrderFlow
{
    private readonly Random _random;
    private readonly BenchInstrument[] _instruments;
    private readonly long[] _mid;
    private readonly RestingOrders[] _resting;
    private readonly Dictionary<string, int> _symbolIndex;

    public BenchOrderFlow(IReadOnlyList<BenchInstrument> instruments, int seed)
    {
        _random = new Random(seed);
        _instruments = [.. instruments];
        _mid = [.. instruments.Select(i => i.Mid)];
        _resting = [.. instruments.Select(_ => new RestingOrders())];
        _symbolIndex = instruments.Select((instrument, index) => (instrument.Symbol, index)).ToDictionary(x => x.Symbol, x => x.index, StringComparer.Ordinal);
    }

    /// <summary>The next request, with client order id 0 (the client assigns one).</summary>
    public WireMessage Next()
    {
        var i = _random.Next(_instruments.Length);
        var instrument = _instruments[i];
        var tick = instrument.Spec.TickSize;
        if (_random.Next(1000) == 0)
        {
            // Drift, but stay within 5% of the start so that every price stays inside the band.
            var band = Math.Max(instrument.Mid / 20, tick);
            _mid[i] = Math.Clamp(_mid[i] + (_random.Next(-5, 6) * tick), instrument.Mid - band, instrument.Mid + band);
        }

        var roll = _random.Next(100);
        var resting = _resting[i];
        if (roll < 30 && resting.Count > 0)
        {
            var (orderId, _) = resting.Pick(_random);
            resting.Remove(orderId);
            return new CancelOrder(0, instrument.Symbol, orderId);
        }

        if (roll < 45 && resting.Count > 0)
        {
            var (orderId, side) = resting.Pick(_random);
            return new AmendOrder(0, instrument.Symbol, orderId, RestingPrice(i, side), Lots(instrument));
        }

        var newSide = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        if (roll < 50)
        {
            return new NewOrder(0, instrument.Symbol, newSide, OrderType.Market, TimeInForce.Ioc, SelfTradePrevention.None, false, 0, Lots(instrument), 0);
        }

        var price = _random.Next(4) == 0 ? CrossingPrice(i, newSide) : RestingPrice(i, newSide);
        return new NewOrder(0, instrument.Symbol, newSide, OrderType.Limit, TimeInForce.Gtc, SelfTradePrevention.None, false, price, Lots(instrument), 0);
    }

    /// <summary>Learns which of this connection's orders rest, so that cancels and amends target real orders.</summary>
    public void Observe(ExecutionReport report)
    {
        if (!_symbolIndex.TryGetValue(report.Symbol, out var i))
        {
            return;
        }

        switch (report.ExecType)
        {
            case ExecType.Accepted when report.LeavesQuantity > 0:
                _resting[i].Add(report.OrderId, report.Side);
                break;
            case ExecType.Fill or ExecType.Cancelled or ExecType.Expired:
                _resting[i].Remove(report.OrderId);
                break;
            case ExecType.Rejected when report.RejectReason == RejectReason.UnknownOrder:
                // The book no longer has it: its fill or cancel report was missed (e.g. dropped with a session that
                // ended). Amends would otherwise pick it again and again, each answered UnknownOrder.
                _resting[i].Remove(report.OrderId);
                break;
            default:
                break;
        }
    }

    private long RestingPrice(int i, Side side)
    {
        var instrument = _instruments[i];
        var away = side == Side.Buy ? -1 : 1;
        var price = _mid[i] + (away * _random.NextInt64(1, instrument.MaxOffsetTicks + 1) * instrument.Spec.TickSize);
        return Math.Max(price, instrument.Spec.TickSize);
    }

    private long CrossingPrice(int i, Side side)
    {
        var instrument = _instruments[i];
        var through = side == Side.Buy ? 1 : -1;
        var price = _mid[i] + (through * _random.NextInt64(1, Math.Min(50, instrument.MaxOffsetTicks) + 1) * instrument.Spec.TickSize);
        return Math.Max(price, instrument.Spec.TickSize);
    }

    private long Lots(BenchInstrument instrument) => instrument.Quantity(instrument.MinLots + _random.Next(100));
}
