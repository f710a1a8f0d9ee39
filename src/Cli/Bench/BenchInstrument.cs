using LoomExchange.Cli.Instruments;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Cli.Bench;

/// <summary>
/// An instrument's price and quantity grid for generated orders: a mid price on the tick grid (the spec's reference
/// price, else a typical price for the demo symbol), offsets of at most 2% (inside every demo price band), and
/// quantities of whole lots within the spec's limits.
/// </summary>
internal sealed class BenchInstrument
{
    private BenchInstrument(InstrumentSpec spec, long mid)
    {
        Spec = spec;
        Mid = mid;
        MaxOffsetTicks = Math.Clamp(mid / 50 / spec.TickSize, 1, 400);
        var minimumLots = Math.Max(1, (spec.MinQuantity + spec.LotSize - 1) / spec.LotSize);
        MinLots = minimumLots;
        MaxLots = Math.Max(minimumLots, Math.Min(minimumLots + 99, spec.MaxQuantity / spec.LotSize));
    }

    public InstrumentSpec Spec { get; }

    public string Symbol => Spec.Symbol;

    /// <summary>Starting mid price, in price units, a multiple of the tick size.</summary>
    public long Mid { get; }

    public long MaxOffsetTicks { get; }

    public long MinLots { get; }

    public long MaxLots { get; }

    public static BenchInstrument From(InstrumentSpec spec)
    {
        var mid = spec.ReferencePrice;
        if (mid <= 0 && !FixedPoint.TryParse(DemoInstruments.TypicalMid(spec.Symbol), spec.PriceDecimals, out mid))
        {
            mid = 0;
        }

        mid -= mid % spec.TickSize;
        return new BenchInstrument(spec, mid > 0 ? mid : spec.TickSize * 10_000);
    }

    /// <summary>A quantity of <paramref name="lots"/> lots above the minimum, capped by the maximum.</summary>
    public long Quantity(long lots) => Math.Clamp(lots, MinLots, MaxLots) * Spec.LotSize;
}
