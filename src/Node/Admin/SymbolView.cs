using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Node.Admin;

/// <summary>One symbol for <c>exchange symbols</c>: its rules (decimal text) and its book's state (null fields when the book did not answer).</summary>
public sealed record SymbolView(
    string Symbol,
    int PriceDecimals,
    int QuantityDecimals,
    string TickSize,
    string LotSize,
    string MinQuantity,
    string MaxQuantity,
    string MaxNotional,
    int PriceBandBps,
    string ReferencePrice,
    bool? Halted,
    long? Sequence,
    int? Orders)
{
    public static SymbolView Of(InstrumentSpec spec, BookStatus? status)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new(
            spec.Symbol,
            spec.PriceDecimals,
            spec.QuantityDecimals,
            spec.FormatPrice(spec.TickSize),
            spec.FormatQuantity(spec.LotSize),
            spec.FormatQuantity(spec.MinQuantity),
            spec.MaxQuantity == InstrumentSpec.MaxValue ? "0" : spec.FormatQuantity(spec.MaxQuantity),
            spec.FormatPrice(spec.MaxNotional),
            spec.PriceBandBps,
            spec.FormatPrice(spec.ReferencePrice),
            status?.Halted,
            status?.Sequence,
            status?.OrderCount);
    }
}
