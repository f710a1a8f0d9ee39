using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Benchmarks;

/// <summary>The instrument and book sizing every benchmark uses.</summary>
internal static class BenchInstrument
{
    /// <summary>Price 1000.00 in price units (two decimals, tick 0.01).</summary>
    public const long StartPrice = 100_000;

    /// <summary>First command timestamp: 2026-01-01T00:00:00Z in nanoseconds.</summary>
    public const long StartTimestamp = 1_767_225_600_000_000_000;

    public static InstrumentSpec Spec { get; } = new()
    {
        Symbol = "BENCH-USD",
        PriceDecimals = 2,
        QuantityDecimals = 0,
        TickSize = 1,
        LotSize = 1,
        MinQuantity = 1,
        MaxQuantity = 1_000_000_000_000_000,
    };

    /// <summary>
    /// The engine's default sizing: pools start small, double while the book is pre-filled, and grow again
    /// (once) if the flow later takes the book beyond that size.
    /// </summary>
    public static OrderBookOptions DefaultOptions => OrderBookOptions.Default;

    /// <summary>Pools sized up front for a book of up to <paramref name="bookOrders"/> × 4 orders, as a deployment would configure them.</summary>
    public static OrderBookOptions PresizedOptions(int bookOrders) => new()
    {
        InitialOrderCapacity = 4 * bookOrders,
        InitialLevelCapacity = 4096,
    };

    public static OrderBook NewBook(OrderBookOptions? options = null) => new(Spec, options ?? DefaultOptions);
}
