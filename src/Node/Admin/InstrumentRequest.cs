namespace LoomExchange.Node.Admin;

/// <summary>
/// The body of <c>exchange symbol add|update</c>: the keys of <c>Loom:Instruments</c>, decimal text values. On update a
/// missing (null) value keeps the current one; on add it takes the configuration default.
/// </summary>
public sealed record InstrumentRequest(
    string? Symbol,
    int? PriceDecimals,
    int? QuantityDecimals,
    string? TickSize,
    string? LotSize,
    string? MinQuantity,
    string? MaxQuantity,
    string? MaxNotional,
    decimal? PriceBandPercent,
    string? ReferencePrice);
